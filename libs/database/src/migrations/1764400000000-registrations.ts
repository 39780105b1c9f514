import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1764400000000 implements MigrationInterface {
  name = 'Registrations1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // A melding holds exactly what Jw 7.1.4.3(1) allows: the youth key (keyed hash of the BSN or
    // verwijsindexservicenummer), the reporting professional (and so organisation and contact details),
    // the time of registration and the planned removal date. age_limit_date (the 23rd birthday) is
    // kept only to carry out the removal at 23 (Jw 7.1.4.5(2)(b)); the birth date itself is not stored.
    // When a registration is removed, its youth key and age limit are erased: what stays is a
    // tombstone saying that this professional's registration ended, when and why.
    await q.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        youth_key bytea CHECK (youth_key IS NULL OR length(youth_key) = 32),
        key_version smallint,
        professional_id uuid NOT NULL REFERENCES professionals(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        created_at timestamptz NOT NULL,
        planned_removal_date date NOT NULL,
        age_limit_date date,
        status varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn','expired','removed')),
        removed_at timestamptz,
        removal_reason varchar(32) CHECK (removal_reason IN ('risk_gone','unjustified','expired','age_23','deceased',
          'erasure','objection','organisation_disconnected')),
        CHECK ((status = 'active') = (youth_key IS NOT NULL AND removed_at IS NULL AND removal_reason IS NULL)),
        CHECK (status = 'active' OR (youth_key IS NULL AND key_version IS NULL AND age_limit_date IS NULL))
      )`);
    // One active registration per professional and youth: a retry answers with the existing one.
    await q.query(
      `CREATE UNIQUE INDEX registrations_one_active_per_professional ON registrations (youth_key, professional_id) WHERE status = 'active'`,
    );
    await q.query(`CREATE INDEX registrations_active_by_youth ON registrations (youth_key) WHERE status = 'active'`);
    await q.query(`CREATE INDEX registrations_by_organisation ON registrations (organisation_id, created_at, id)`);
    await q.query(`CREATE INDEX registrations_due ON registrations (planned_removal_date) WHERE status = 'active'`);

    // The historisch meldingenarchief (Jw 7.1.4.6): only what an archive signal needs.
    await q.query(`
      CREATE TABLE archive_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        youth_key bytea NOT NULL CHECK (length(youth_key) = 32),
        key_version smallint NOT NULL,
        registration_id uuid NOT NULL UNIQUE,
        professional_id uuid NOT NULL REFERENCES professionals(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        archived_at timestamptz NOT NULL,
        destroy_at date NOT NULL
      )`);
    await q.query(`CREATE INDEX archive_entries_by_youth ON archive_entries (youth_key)`);
    await q.query(`CREATE INDEX archive_entries_due ON archive_entries (destroy_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE archive_entries');
    await q.query('DROP TABLE registrations');
  }
}
