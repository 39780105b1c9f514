/**
 * The statements of matching, each for a whole batch of registrations. They are planned on every
 * call (not prepared): their best plan depends on how many keys a batch brings.
 */

/** Whether a registration is alone with its youth: active, and no other active registration, open match or archive entry. */
const ALONE = `r.status = 'active' AND r.youth_key IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM registrations o WHERE o.youth_key = r.youth_key AND o.status = 'active' AND o.id <> r.id)
         AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.youth_key = r.youth_key AND m.status <> 'closed')
         AND NOT EXISTS (SELECT 1 FROM archive_entries a WHERE a.youth_key = r.youth_key)`;

/**
 * Marks the registrations that are alone with their youth as checked, in one statement without a
 * lock, and returns them. A registration of the same youth committed meanwhile has its own job,
 * which then sees this one and takes the locked path.
 */
export const CHECK_ALONE = `
  WITH candidates AS (SELECT r.id, ${ALONE} AS alone FROM registrations r WHERE r.id = ANY($1::uuid[])),
       checked AS (UPDATE registrations SET match_checked_at = now() WHERE id IN (SELECT id FROM candidates WHERE alone) AND match_checked_at IS NULL)
  SELECT id FROM candidates WHERE alone`;

/**
 * The registrations, after taking the advisory lock of each of their youths: the first 8 bytes of
 * the key (a keyed hash, so evenly spread). The locks are taken in key order, so two batches that
 * share youths wait for each other instead of deadlocking.
 */
export const LOCK_YOUTHS = `
  WITH found AS MATERIALIZED (SELECT id, youth_key, status FROM registrations WHERE id = ANY($1::uuid[])),
       locks AS MATERIALIZED (
         SELECT pg_advisory_xact_lock(k) FROM (
           SELECT DISTINCT ('x' || encode(substring(youth_key FROM 1 FOR 8), 'hex'))::bit(64)::bigint AS k
             FROM found WHERE status = 'active' AND youth_key IS NOT NULL ORDER BY k) ordered)
  SELECT id, youth_key, status, (SELECT count(*) FROM locks) AS locks FROM found`;

/**
 * Read after the locks were granted, per youth: its active registrations (oldest first), its open
 * match (locked against a concurrent withdrawal), that match's participants, and the professionals
 * of its archive entries.
 */
export const YOUTH_STATES = `
  SELECT y.youth_key,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'professionalId', r.professional_id, 'organisationId', r.organisation_id,
                   'checked', r.match_checked_at IS NOT NULL) ORDER BY r.created_at, r.id), '[]'::jsonb)
            FROM registrations r WHERE r.youth_key = y.youth_key AND r.status = 'active') AS active,
         m.id AS match_id,
         array(SELECT p.registration_id FROM match_participants p WHERE p.match_id = m.id AND p.left_at IS NULL) AS participants,
         array(SELECT DISTINCT a.professional_id FROM archive_entries a WHERE a.youth_key = y.youth_key ORDER BY a.professional_id) AS archived
    FROM unnest($1::bytea[]) AS y(youth_key)
    LEFT JOIN LATERAL (
      SELECT id FROM matches WHERE youth_key = y.youth_key AND kind = 'same_youth' AND status <> 'closed' LIMIT 1 FOR UPDATE
    ) m ON true`;

/**
 * For each organisation: its municipality, its coordinators, that municipality's follow-up officers,
 * and the follow-up terms the municipality set (from its first connected organisation).
 */
export const COPY_RECIPIENTS = `
  SELECT o.id AS organisation_id, o.municipality_code,
         (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'organisationId', c.organisation_id) ORDER BY c.id)
            FROM professionals c WHERE c.organisation_id = o.id AND c.role = 'coordinator' AND c.active) AS coordinators,
         (SELECT jsonb_agg(jsonb_build_object('id', f.id, 'organisationId', f.organisation_id) ORDER BY f.id)
            FROM professionals f JOIN organisations g ON g.id = f.organisation_id
           WHERE g.municipality_code = o.municipality_code AND g.kind = 'municipality' AND g.status = 'connected'
             AND f.role = 'follow_up_officer' AND f.active) AS officers,
         t.follow_up_reminder_days AS reminder_days, t.follow_up_escalation_days AS escalation_days
    FROM organisations o
    LEFT JOIN LATERAL (
      SELECT follow_up_reminder_days, follow_up_escalation_days FROM organisations g
       WHERE g.municipality_code = o.municipality_code AND g.kind = 'municipality' AND g.status = 'connected'
       ORDER BY g.created_at LIMIT 1
    ) t ON true
   WHERE o.id = ANY($1::uuid[])`;

export const CREATE_MATCHES = `
  INSERT INTO matches (youth_key, municipality_code, reminder_due_on, escalation_due_on)
  SELECT decode(m.youth_key, 'hex'), m.municipality_code, m.reminder_due_on, m.escalation_due_on
    FROM jsonb_to_recordset($1::jsonb) AS m(youth_key text, municipality_code text, reminder_due_on date, escalation_due_on date)
  RETURNING id, encode(youth_key, 'hex') AS youth_key`;

/** Positions record the order of joining, which is the order the signals describe. */
export const JOIN_MATCHES = `
  INSERT INTO match_participants (match_id, registration_id, professional_id, organisation_id, position)
  SELECT j.match_id, j.id, j.professional_id, j.organisation_id,
         (SELECT coalesce(max(p.position), 0) FROM match_participants p WHERE p.match_id = j.match_id) + j.n
    FROM jsonb_to_recordset($1::jsonb) AS j(match_id uuid, id uuid, professional_id uuid, organisation_id uuid, n int)
  ON CONFLICT DO NOTHING`;

export const MARK_CHECKED = `UPDATE registrations SET match_checked_at = now() WHERE id = ANY($1::uuid[]) AND match_checked_at IS NULL`;
