import { sql, type Sql } from '@vir/database';
import type { MatchKind } from '@vir/signals';
import {
  activeRegistrationsOfYouth,
  addressKeysOf,
  addressRegistrations,
  hasAddressInMatching,
  aloneWithYouth,
  archivedProfessionalsOfYouth,
  familyRegistrations,
  hasFamilyInMatching,
  markMatchChecked,
  parentKeysOf,
  registrationsById,
} from '@vir/registrations';

/**
 * The statements of matching, each for a whole batch of registrations, composed from the
 * registrations' fragments. They are planned on every call (not prepared): their best plan depends
 * on how many keys a batch brings.
 */

/**
 * Marks the registrations that are alone with their youth (no other active registration, open
 * match or archive entry) as checked, in one statement without a lock, and returns them. A
 * registration of the same youth committed meanwhile has its own job, which then sees this one and
 * takes the locked path.
 */
export function checkAlone(ids: string[]): Sql {
  return sql`
  WITH candidates AS (
    SELECT r.id, ${aloneWithYouth('r')}
           AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.youth_key = r.youth_key AND m.status <> 'closed')
           AND NOT ${hasFamilyInMatching('r')} AND NOT ${hasAddressInMatching('r')} AS alone
      FROM ${registrationsById(ids)} r
  ), checked AS (${markMatchChecked(sql`SELECT id FROM candidates WHERE alone`)})
  SELECT id FROM candidates WHERE alone`;
}

/**
 * The registrations, after taking the advisory lock of each of their youths, of their youths'
 * parents (family matches) and of their youths' addresses where the address match is on: the first
 * 8 bytes of the key (a keyed hash, so evenly spread). The locks are taken in key order, so two
 * batches that share youths, parents or addresses wait for each other instead of deadlocking.
 * Answers the parent and address keys found too (rows without an id, with the group's kind).
 */
export function lockYouths(ids: string[]): Sql {
  return sql`
  WITH found AS MATERIALIZED (SELECT * FROM ${registrationsById(ids)} f),
       groups AS MATERIALIZED (SELECT parent_key AS group_key, 'family' AS group_kind FROM ${parentKeysOf(ids)} p
                               UNION ALL SELECT address_key, 'address' FROM ${addressKeysOf(ids)} a),
       locks AS MATERIALIZED (
         SELECT pg_advisory_xact_lock(k) FROM (
           SELECT DISTINCT ('x' || encode(substring(key FROM 1 FOR 8), 'hex'))::bit(64)::bigint AS k
             FROM (SELECT youth_key AS key FROM found WHERE status = 'active' AND youth_key IS NOT NULL
                   UNION ALL SELECT group_key FROM groups) keys ORDER BY k) ordered)
  SELECT id, youth_key, status, NULL::bytea AS group_key, NULL::text AS group_kind, (SELECT count(*) FROM locks) AS locks FROM found
  UNION ALL
  SELECT NULL, NULL, NULL, group_key, group_kind, (SELECT count(*) FROM locks) FROM groups`;
}

/**
 * Read after the locks were granted, per youth: its active registrations (oldest first), its open
 * match (locked against a concurrent withdrawal), that match's participants, and the professionals
 * of its archive entries.
 */
export function youthStates(youthKeys: Buffer[]): Sql {
  return sql`
  SELECT y.youth_key,
         ${activeRegistrationsOfYouth(sql`y.youth_key`)} AS active,
         m.id AS match_id,
         array(SELECT p.registration_id FROM match_participants p WHERE p.match_id = m.id AND p.left_at IS NULL) AS participants,
         ${archivedProfessionalsOfYouth(sql`y.youth_key`)} AS archived
    FROM unnest(${youthKeys}::bytea[]) AS y(youth_key)
    LEFT JOIN LATERAL (
      SELECT id FROM matches WHERE youth_key = y.youth_key AND kind = 'same_youth' AND status <> 'closed' LIMIT 1 FOR UPDATE
    ) m ON true`;
}

/**
 * Read after the locks were granted, per parent (kind `family`) or address (kind `address`) of the
 * batch's youths: the registrations in matching whose youth has that parent or lives at that
 * address, its open match of that kind (locked) and that match's participants.
 */
export function groupStates(kind: 'family' | 'address', groupKeys: Buffer[]): Sql {
  const registrations = kind === 'family' ? familyRegistrations : addressRegistrations;
  return sql`
  SELECT f.group_key,
         ${registrations(sql`f.group_key`)} AS active,
         m.id AS match_id,
         array(SELECT p.registration_id FROM match_participants p WHERE p.match_id = m.id AND p.left_at IS NULL) AS participants
    FROM unnest(${groupKeys}::bytea[]) AS f(group_key)
    LEFT JOIN LATERAL (
      SELECT id FROM matches WHERE youth_key = f.group_key AND kind = ${kind} AND status <> 'closed' LIMIT 1 FOR UPDATE
    ) m ON true`;
}

export interface NewMatch {
  /** The youth's key, or for a family match the shared parent's, for an address match the address's (hex). */
  youth_key: string;
  kind: MatchKind;
  municipality_code: string | null;
  reminder_due_on: string | null;
  escalation_due_on: string | null;
}

export function createMatches(matches: NewMatch[]): Sql {
  return sql`
  INSERT INTO matches (youth_key, kind, municipality_code, reminder_due_on, escalation_due_on)
  SELECT decode(m.youth_key, 'hex'), m.kind, m.municipality_code, m.reminder_due_on, m.escalation_due_on
    FROM jsonb_to_recordset(${JSON.stringify(matches)}::jsonb) AS m(youth_key text, kind text, municipality_code text, reminder_due_on date, escalation_due_on date)
  RETURNING id, encode(youth_key, 'hex') AS youth_key, kind`;
}

export interface Joining {
  match_id: string | null;
  id: string;
  professional_id: string;
  organisation_id: string;
  n: number;
}

/** Positions record the order of joining, which is the order the signals describe. */
export function joinMatches(joining: Joining[]): Sql {
  return sql`
  INSERT INTO match_participants (match_id, registration_id, professional_id, organisation_id, position)
  SELECT j.match_id, j.id, j.professional_id, j.organisation_id,
         (SELECT coalesce(max(p.position), 0) FROM match_participants p WHERE p.match_id = j.match_id) + j.n
    FROM jsonb_to_recordset(${JSON.stringify(joining)}::jsonb) AS j(match_id uuid, id uuid, professional_id uuid, organisation_id uuid, n int)
  ON CONFLICT DO NOTHING`;
}
