import { sql, type Sql } from '@vir/database';

/** Whether the registration `registrationId` (an SQL expression) has or had a place in a match: its tombstone stays. */
export function takesPartInAMatch(registrationId: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM match_participants mp WHERE mp.registration_id = ${registrationId})`;
}
