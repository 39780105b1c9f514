import { sql, type Sql } from '@vir/database';

/**
 * The organisations as other libs may join them in one statement (a from-item, aliased by the
 * caller): id, name, college, kind, status and whether a webhook is configured. The owner decides the
 * columns; the planner inlines the subquery.
 */
export function organisationFacts(): Sql {
  return sql`(SELECT id, name, municipality_code, kind, status, webhook_url IS NOT NULL AS has_webhook FROM organisations)`;
}

/**
 * The colleges' active follow-up officers (Jw 7.1.3.2: the gemeente's officials who follow a match
 * up), as a from-item of (id, organisation_id, municipality_code): designated by a connected
 * municipality organisation of that college.
 */
export function followUpOfficers(): Sql {
  return sql`(SELECT f.id, f.organisation_id, g.municipality_code
                FROM professionals f JOIN organisations g ON g.id = f.organisation_id
               WHERE g.kind = 'municipality' AND g.status = 'connected' AND f.role = 'follow_up_officer' AND f.active)`;
}

/** The ids of the organisations whose agreement is with `municipalityCode` (the college is their controller). */
export function organisationsOfCollege(municipalityCode: string): Sql {
  return sql`SELECT id FROM organisations WHERE municipality_code = ${municipalityCode}`;
}

/**
 * For each of these organisations: its college, its active coordinators, that college's active
 * follow-up officers, and the follow-up terms the college set (on its first connected municipality
 * organisation). Rows of (organisation_id, municipality_code, coordinators, officers, reminder_days,
 * escalation_days, closing_days as YYYY-MM-DD texts); coordinators and officers as JSON arrays of
 * {id, organisationId} or null.
 */
export function copyRecipients(organisationIds: string[]): Sql {
  return sql`
  SELECT o.id AS organisation_id, o.municipality_code,
         (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'organisationId', c.organisation_id) ORDER BY c.id)
            FROM professionals c WHERE c.organisation_id = o.id AND c.role = 'coordinator' AND c.active) AS coordinators,
         (SELECT jsonb_agg(jsonb_build_object('id', f.id, 'organisationId', f.organisation_id) ORDER BY f.id)
            FROM ${followUpOfficers()} f WHERE f.municipality_code = o.municipality_code) AS officers,
         t.follow_up_reminder_days AS reminder_days, t.follow_up_escalation_days AS escalation_days,
         coalesce(t.follow_up_closing_days::text[], '{}') AS closing_days
    FROM organisations o
    LEFT JOIN LATERAL (
      SELECT follow_up_reminder_days, follow_up_escalation_days, follow_up_closing_days FROM organisations g
       WHERE g.municipality_code = o.municipality_code AND g.kind = 'municipality' AND g.status = 'connected'
       ORDER BY g.created_at LIMIT 1
    ) t ON true
   WHERE o.id = ANY(${organisationIds}::uuid[])`;
}

/** Where an organisation's signals go besides the inbox: its webhook and the secret it is signed with (a from-item). */
export function webhookTargets(): Sql {
  return sql`(SELECT id, municipality_code, webhook_url, webhook_secret FROM organisations)`;
}

/** The designated people as other libs may join them (a from-item): id, organisation, name, role, active, e-mail. */
export function professionalFacts(): Sql {
  return sql`(SELECT id, organisation_id, name, role, active, email FROM professionals)`;
}

/** Where a breach of the college is reported (privacy protocol art. 8): its connected organisations' breach addresses, (organisation_id, email). */
export function breachAddressesOfCollege(municipalityCode: string): Sql {
  return sql`SELECT id AS organisation_id, breach_notification_email AS email FROM organisations
              WHERE municipality_code = ${municipalityCode} AND status = 'connected' AND breach_notification_email IS NOT NULL`;
}

/** Whether the person `professionalId` (an SQL expression) takes signal e-mail as a daily digest. */
export function wantsSignalDigest(professionalId: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM professionals dp WHERE dp.id = ${professionalId} AND dp.signal_digest)`;
}

/** The active people who take signal e-mail as a daily digest, as a from-item of (id, organisation_id, name, email). */
export function signalDigestRecipients(): Sql {
  return sql`(SELECT id, organisation_id, name, email FROM professionals WHERE signal_digest AND active)`;
}

/** Whether `municipalityCode` (an SQL expression) is a college of this region (it has its own gemeente organisation). */
export function isCollegeOfRegion(municipalityCode: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM organisations g WHERE g.kind = 'municipality' AND g.municipality_code = ${municipalityCode})`;
}

/**
 * Whether the college of `municipalityCode` (an SQL expression) switched the address match on
 * (Jw 7.1.2.3(1)(d); on its connected gemeente organisation, off by default).
 */
export function addressMatchOn(municipalityCode: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM organisations g WHERE g.kind = 'municipality' AND g.status = 'connected'
                      AND g.municipality_code = ${municipalityCode} AND g.address_match)`;
}
