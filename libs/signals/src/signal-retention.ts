import { rows, sql, type Sql } from '@vir/database';
import type { EntityManager } from 'typeorm';

/** The signals of these matches (a subquery of ids). */
export function signalsOfMatches(matchIds: string[]): Sql {
  return sql`SELECT id FROM signals WHERE match_id = ANY(${matchIds}::uuid[])`;
}

/** The signals these registrations triggered (a subquery of ids). */
export function signalsTriggeredBy(registrationIds: string[]): Sql {
  return sql`SELECT id FROM signals WHERE trigger_registration_id = ANY(${registrationIds}::uuid[])`;
}

/** Whether the registration `registrationId` (an SQL expression) triggered any signal. */
export function triggeredASignal(registrationId: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM signals s WHERE s.trigger_registration_id = ${registrationId})`;
}

/** Archive signals made before `cutoff` (a timestamptz expression), oldest first, at most `limit` (a subquery of ids). */
export function archiveSignalsMadeBefore(cutoff: Sql, limit: number): Sql {
  return sql`SELECT id FROM signals WHERE kind = 'archive' AND created_at < ${cutoff} ORDER BY created_at LIMIT ${limit}`;
}

/** Destroys the signals `which` (a subquery of ids) with their delivery records; returns how many. */
export async function destroySignals(manager: EntityManager, which: Sql): Promise<number> {
  const ids = (await rows<{ id: string }>(manager, which)).map((s) => s.id);
  if (ids.length === 0) return 0;
  await rows(manager, sql`DELETE FROM signal_deliveries WHERE signal_id = ANY(${ids}::uuid[])`);
  await rows(manager, sql`DELETE FROM signals WHERE id = ANY(${ids}::uuid[])`);
  return ids.length;
}
