import { monthOf, rows, sql, type Sql } from '@vir/database';
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

/** For the statistics: one row per signal made in [start, stop): (month, organisation_id, 'signals', subject_id). */
export function signalFigures(start: Sql, stop: Sql): Sql {
  return sql`
         SELECT ${monthOf(sql`s.created_at`)} AS month, s.recipient_organisation_id AS organisation_id,
                'signals' AS figure, s.id AS subject_id
           FROM signals s WHERE s.created_at >= ${start} AND s.created_at < ${stop}`;
}

/**
 * For a subject access request: the signals to `organisationIds` (a subquery) that the registrations
 * triggered or that belong to `matchIds` (a subquery): (id, kind, recipient_organisation_id, created_at).
 */
export function signalsAboutRegistrations(registrationIds: string[], matchIds: Sql, organisationIds: Sql): Sql {
  return sql`SELECT s.id, s.kind, s.recipient_organisation_id, s.created_at FROM signals s
              WHERE s.recipient_organisation_id IN (${organisationIds})
                AND (s.trigger_registration_id = ANY(${registrationIds}::uuid[]) OR s.match_id IN (${matchIds}))`;
}
