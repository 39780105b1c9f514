import { execute, sql } from '@vir/database';
import type { ProfessionalHandover } from '@vir/organisations';

/** The others' signals name the successor as the one to contact, from the moment the leaver leaves. */
export const signalHandover: ProfessionalHandover = {
  what: 'signal-contacts',
  held: () => Promise.resolve(0),
  move: (manager, from, to) =>
    execute(
      manager,
      sql`UPDATE signals SET named_professional_ids = array_replace(named_professional_ids, ${from}::uuid, ${to}::uuid)
           WHERE ${from}::uuid = ANY(named_professional_ids) AND NOT ${to}::uuid = ANY(named_professional_ids)`,
    ),
};
