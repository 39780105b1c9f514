import { monthOf, sql, type Sql } from '@vir/database';

/** Whether the registration `registrationId` (an SQL expression) has or had a place in a match: its tombstone stays. */
export function takesPartInAMatch(registrationId: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM match_participants mp WHERE mp.registration_id = ${registrationId})`;
}

/** A key rotation moves the youth's open and closed matches to the new key (a step of registrations' re-keying). */
export function rekeyMatches(newKey: Sql, oldKeys: Sql): Sql {
  return sql`UPDATE matches SET youth_key = ${newKey} WHERE youth_key = ANY(${oldKeys}) RETURNING 1`;
}

/**
 * For the statistics: per match made in [start, stop), one row per participating organisation and
 * figure (matches, inContactWithinDeadline, escalated): (month, organisation_id, figure, subject_id = match id).
 */
export function matchFigures(start: Sql, stop: Sql): Sql {
  return sql`
         SELECT ${monthOf(sql`m.created_at`)} AS month, mp.organisation_id, f.figure, m.id AS subject_id
           FROM matches m JOIN match_participants mp ON mp.match_id = m.id
          CROSS JOIN LATERAL (VALUES
                  ('matches', true),
                  ('inContactWithinDeadline', m.in_contact_at IS NOT NULL
                     AND (m.in_contact_at AT TIME ZONE 'Europe/Amsterdam')::date <= m.escalation_due_on),
                  ('escalated', m.escalated_at IS NOT NULL)) AS f(figure, counts)
          WHERE m.created_at >= ${start} AND m.created_at < ${stop} AND f.counts`;
}

/** The matches these registrations take or took part in (a subquery of match ids). */
export function matchesOfRegistrations(registrationIds: string[]): Sql {
  return sql`SELECT match_id FROM match_participants WHERE registration_id = ANY(${registrationIds}::uuid[])`;
}

/**
 * For the dashboard: per match made in [start, stop), one row per participating organisation with
 * what follow-up figures need: (match_id, organisation_id, created_at, due_on, in_contact_at).
 * `due_on` is the escalation deadline (the day contact should have been made by).
 */
export function matchFollowUpFacts(start: Sql, stop: Sql): Sql {
  return sql`
         SELECT DISTINCT m.id AS match_id, mp.organisation_id, m.created_at, m.escalation_due_on::text AS due_on, m.in_contact_at
           FROM matches m JOIN match_participants mp ON mp.match_id = m.id
          WHERE m.created_at >= ${start} AND m.created_at < ${stop}`;
}
