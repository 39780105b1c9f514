import { execute, rows, sql } from '@vir/database';
import type { ProfessionalHandover } from '@vir/organisations';

/** A leaver's places in open matches and the lead roles they held go to the successor, with the registrations. */
export const matchHandover: ProfessionalHandover = {
  what: 'matches',
  held: async (manager, professionalId) => {
    const [row] = await rows<{ n: number }>(
      manager,
      sql`SELECT count(DISTINCT m.id)::int AS n FROM matches m
           WHERE m.status <> 'closed' AND (m.lead_professional_id = ${professionalId} OR EXISTS (
                 SELECT 1 FROM match_participants mp WHERE mp.match_id = m.id AND mp.professional_id = ${professionalId} AND mp.left_at IS NULL))`,
    );
    return row.n;
  },
  move: async (manager, from, to) => {
    const places = await execute(
      manager,
      sql`UPDATE match_participants mp SET professional_id = ${to} FROM matches m
           WHERE m.id = mp.match_id AND m.status <> 'closed' AND mp.professional_id = ${from} AND mp.left_at IS NULL`,
    );
    const leads = await execute(
      manager,
      sql`UPDATE matches SET lead_professional_id = ${to} WHERE lead_professional_id = ${from} AND status <> 'closed'`,
    );
    return places + leads;
  },
};
