import { databaseNow, monthOf, type Sql, sql } from '@vir/database';

/**
 * The registrations as matching reads and marks them, as fragments for its statements (one round
 * trip per batch). The column names stay here, with the table's owner.
 */

/** The registrations with these ids: id, youth_key, status (a from-item). */
export function registrationsById(ids: string[]): Sql {
  return sql`(SELECT id, youth_key, status FROM registrations WHERE id = ANY(${ids}::uuid[]))`;
}

/** Registration `r` (an alias) takes part in matching: active, and not awaiting the BRP's verification. */
export function matchable(r: string): Sql {
  return sql.raw(`${r}.status = 'active' AND ${r}.verification <> 'awaiting_verification'`);
}

/**
 * Whether registration `r` (an alias of a row of `registrations`) is alone with its youth: active,
 * keyed, no other registration of the youth in matching and no archive entry of it.
 */
export function aloneWithYouth(r: string): Sql {
  const a = sql.raw(r);
  return sql`${a}.status = 'active' AND ${a}.youth_key IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM registrations o WHERE o.youth_key = ${a}.youth_key AND ${matchable('o')} AND o.id <> ${a}.id)
         AND NOT EXISTS (SELECT 1 FROM archive_entries x WHERE x.youth_key = ${a}.youth_key)`;
}

/** Records that these registrations (an array of ids, or a subquery of ids) were checked for a match. */
export function markMatchChecked(ids: string[] | Sql): Sql {
  const which = Array.isArray(ids) ? sql`id = ANY(${ids}::uuid[])` : sql`id IN (${ids})`;
  return sql`UPDATE registrations SET match_checked_at = ${databaseNow} WHERE ${which} AND match_checked_at IS NULL`;
}

/**
 * The youth's active registrations in matching (none awaiting verification), oldest first, as a JSON array of {id, professionalId,
 * organisationId, checked}; `youthKey` is an SQL expression of the key.
 */
export function activeRegistrationsOfYouth(youthKey: Sql): Sql {
  return sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'professionalId', r.professional_id,
                   'organisationId', r.organisation_id, 'checked', r.match_checked_at IS NOT NULL) ORDER BY r.created_at, r.id), '[]'::jsonb)
              FROM registrations r WHERE r.youth_key = ${youthKey} AND ${matchable('r')})`;
}

/** The professionals of the youth's archive entries (Jw 7.1.4.6), as a sorted array. */
export function archivedProfessionalsOfYouth(youthKey: Sql): Sql {
  return sql`array(SELECT DISTINCT a.professional_id FROM archive_entries a WHERE a.youth_key = ${youthKey} ORDER BY a.professional_id)`;
}

/** Whether the registration with id `registrationId` (an SQL expression) is active. */
export function registrationActive(registrationId: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM registrations r WHERE r.id = ${registrationId} AND r.status = 'active')`;
}

/**
 * Active registrations in matching not yet checked for a match that were made more than `olderThanMs` ago
 * (by the database clock, which also stamps the check), oldest first, leaving out the ids of
 * `except` (a subquery): (id).
 */
export function uncheckedRegistrations(olderThanMs: number, limit: number, except: Sql): Sql {
  return sql`SELECT id FROM registrations
              WHERE status = 'active' AND verification <> 'awaiting_verification' AND match_checked_at IS NULL
                AND created_at < ${databaseNow} - make_interval(secs => ${olderThanMs}::double precision / 1000)
                AND id NOT IN (${except})
              ORDER BY created_at LIMIT ${limit}`;
}

/** Who made the registration and why it ended (null while active): (professional_id, removal_reason). */
export function registrationEnding(registrationId: string): Sql {
  return sql`SELECT professional_id, removal_reason FROM registrations WHERE id = ${registrationId}`;
}

/**
 * Ended registrations (tombstones) whose registration ended before `cutoff` (a timestamptz expression) and to which `linked`
 * (a condition on the registration id, an SQL expression) still applies, oldest first: (id).
 */
export function tombstonesEndedBefore(cutoff: Sql, limit: number, linked: (registrationId: Sql) => Sql): Sql {
  return sql`SELECT r.id FROM registrations r
              WHERE r.status <> 'active' AND r.removed_at < ${cutoff} AND (${linked(sql`r.id`)})
              ORDER BY r.created_at LIMIT ${limit}`;
}

/**
 * For the statistics: one row per registration made, and per registration withdrawn or expired, in
 * [start, stop): (month, organisation_id, figure, subject_id).
 */
export function registrationFigures(start: Sql, stop: Sql): Sql {
  return sql`
         SELECT ${monthOf(sql`r.created_at`)} AS month, r.organisation_id, 'registrations' AS figure, r.id AS subject_id
           FROM registrations r WHERE r.created_at >= ${start} AND r.created_at < ${stop}
         UNION ALL
         SELECT ${monthOf(sql`r.removed_at`)}, r.organisation_id,
                CASE r.removal_reason WHEN 'risk_gone' THEN 'withdrawnRiskGone' WHEN 'unjustified' THEN 'withdrawnUnjustified' ELSE 'expired' END,
                r.id
           FROM registrations r
          WHERE r.removal_reason IN ('risk_gone', 'unjustified', 'expired') AND r.removed_at >= ${start} AND r.removed_at < ${stop}`;
}

/**
 * For the dashboard: the information tasks not done today, per registration: (organisation_id,
 * figure, subject_id) with figure `informationTasksOpen` for every task not done (postponed ones
 * too) and also `informationTasksOverdue` for those past their due date or re-check day.
 */
export function informationTaskFigures(today: string): Sql {
  return sql`
         SELECT r.organisation_id, f.figure, r.id AS subject_id
           FROM registrations r
          CROSS JOIN LATERAL (VALUES
                  ('informationTasksOpen', true),
                  ('informationTasksOverdue', (r.inform_recheck_on IS NULL AND r.inform_due_on < ${today}::date)
                                              OR r.inform_recheck_on <= ${today}::date)) AS f(figure, counts)
          WHERE r.status = 'active' AND r.informed_on IS NULL AND r.inform_target IS NOT NULL AND f.counts`;
}

/** Whether the organisation `organisationId` (an SQL expression) has any registration the index still holds. */
export function hasRegistered(organisationId: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM registrations r WHERE r.organisation_id = ${organisationId})`;
}

/** How many registrations wait for the BRP to verify them (readiness, metrics): (awaiting). */
export function awaitingVerificationCount(): Sql {
  return sql`SELECT count(*)::int AS awaiting FROM registration_verifications`;
}

/**
 * Whether registration `r` (an alias) has family in matching: another registration in matching, of
 * a different youth, whose youth shares a BRP-registered parent with its own (Jw 7.1.2.3(1)(e)).
 */
export function hasFamilyInMatching(r: string): Sql {
  const a = sql.raw(r);
  return sql`EXISTS (SELECT 1 FROM registration_parents p
                       JOIN registration_parents q ON q.parent_key = p.parent_key AND q.registration_id <> p.registration_id
                       JOIN registrations o ON o.id = q.registration_id
                      WHERE p.registration_id = ${a}.id AND ${matchable('o')} AND o.youth_key <> ${a}.youth_key)`;
}

/** The parent keys of the active registrations with these ids (a from-item of (parent_key)). */
export function parentKeysOf(ids: string[]): Sql {
  return sql`(SELECT DISTINCT p.parent_key FROM registration_parents p JOIN registrations r ON r.id = p.registration_id
               WHERE p.registration_id = ANY(${ids}::uuid[]) AND r.status = 'active')`;
}

/**
 * The registrations in matching whose youth has the parent `parentKey` (an SQL expression), oldest
 * first, as a JSON array of {id, professionalId, organisationId, youth (hex key), parents (hex keys,
 * sorted)}.
 */
export function familyRegistrations(parentKey: Sql): Sql {
  return groupMembers(
    sql`registration_parents p JOIN registrations r ON r.id = p.registration_id WHERE p.parent_key = ${parentKey} AND ${matchable('r')}`,
  );
}

/**
 * The registrations `r` of `fromWhere` (a FROM list and WHERE clause), oldest first, as a JSON array
 * of {id, professionalId, organisationId, youth (hex key), parents (hex keys, sorted)}: the members
 * of a family or an address as the planner takes them.
 */
export function groupMembers(fromWhere: Sql): Sql {
  return sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'professionalId', r.professional_id,
                   'organisationId', r.organisation_id, 'youth', encode(r.youth_key, 'hex'),
                   'parents', array(SELECT encode(a.parent_key, 'hex') FROM registration_parents a
                                     WHERE a.registration_id = r.id ORDER BY a.parent_key))
                   ORDER BY r.created_at, r.id), '[]'::jsonb)
              FROM ${fromWhere})`;
}

/** The youth key of registration `registrationId` (an SQL expression) while it is active; null after. */
export function activeYouthKey(registrationId: Sql): Sql {
  return sql`(SELECT r.youth_key FROM registrations r WHERE r.id = ${registrationId} AND r.status = 'active')`;
}
