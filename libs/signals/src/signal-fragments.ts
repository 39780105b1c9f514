import { rows, sql, type Sql } from '@vir/database';
import type { EntityManager } from 'typeorm';

/**
 * Whether organisation `organisationId` received a follow-up officer's copy of match `matchId` (an
 * SQL expression): what lets a gemeente's follow-up officers see the match.
 */
export function followUpCopyReceived(matchId: Sql, organisationId: string): Sql {
  return sql`EXISTS (SELECT 1 FROM signals vs WHERE vs.match_id = ${matchId} AND vs.recipient_organisation_id = ${organisationId}
                       AND vs.recipient_role = 'follow_up_officer')`;
}

/** Whether professional `professionalId` has any signal about match `matchId` (an SQL expression). */
export function signalAboutMatchTo(matchId: Sql, professionalId: string): Sql {
  return sql`EXISTS (SELECT 1 FROM signals s WHERE s.match_id = ${matchId} AND s.recipient_professional_id = ${professionalId})`;
}

/**
 * Nothing derived from a removed registration names anyone any more: the signals it triggered name
 * nobody, and the signals of `matchIds` (a subquery of match ids) no longer name its professional.
 * Returns how many signals were changed of each kind.
 */
export async function unnameRegistration(
  manager: EntityManager,
  registrationId: string,
  professionalId: string,
  matchIds: Sql,
): Promise<{ emptied: number; noLongerNaming: number }> {
  const emptied = await rows(
    manager,
    sql`UPDATE signals SET named_professional_ids = '{}'
         WHERE trigger_registration_id = ${registrationId} AND cardinality(named_professional_ids) > 0 RETURNING id`,
  );
  const unnamed = await rows(
    manager,
    sql`UPDATE signals SET named_professional_ids = array_remove(named_professional_ids, ${professionalId}::uuid)
         WHERE match_id IN (${matchIds}) AND ${professionalId}::uuid = ANY(named_professional_ids) RETURNING id`,
  );
  return { emptied: emptied.length, noLongerNaming: unnamed.length };
}
