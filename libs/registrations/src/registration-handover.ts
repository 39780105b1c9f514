import { ConflictError } from '@vir/common';
import { execute, rows, sql } from '@vir/database';
import type { ProfessionalHandover } from '@vir/organisations';

/**
 * A leaver's active registrations go to the successor (Jw 7.1.4.4: a registration stays with a
 * professional who is involved). Refused when the successor already registered one of the same
 * youths: a second registration of theirs cannot exist, so that one is withdrawn first.
 */
export const registrationHandover: ProfessionalHandover = {
  what: 'registrations',
  held: async (manager, professionalId) => {
    const [row] = await rows<{ n: number }>(
      manager,
      sql`SELECT count(*)::int AS n FROM registrations WHERE professional_id = ${professionalId} AND status = 'active'`,
    );
    return row.n;
  },
  move: async (manager, from, to) => {
    const [clash] = await rows<{ n: number }>(
      manager,
      sql`SELECT count(*)::int AS n FROM registrations l JOIN registrations s ON s.youth_key = l.youth_key
           WHERE l.professional_id = ${from} AND l.status = 'active' AND s.professional_id = ${to} AND s.status = 'active'`,
    );
    if (clash.n > 0)
      throw new ConflictError(
        'SUCCESSOR_ALREADY_REGISTERED',
        'The successor registered the same youth',
        `The successor has their own registration of ${clash.n} of these youths; withdraw one of the two first, or name another successor.`,
        'successorId',
      );
    return execute(
      manager,
      sql`UPDATE registrations SET professional_id = ${to} WHERE professional_id = ${from} AND status = 'active'`,
    );
  },
};
