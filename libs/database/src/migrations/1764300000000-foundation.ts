import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Millisecond timestamps: they round-trip through JavaScript unchanged, so keyset cursors are exact.
    await q.query(
      `CREATE FUNCTION ms_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT date_trunc('milliseconds', now()) $$`,
    );
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN ('youth_care','youth_health_care','health_care','education',
          'social_support','work_and_income','police_and_justice','municipality')),
        municipality_code char(4) NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
        agreement_reference varchar(200) NOT NULL CHECK (length(agreement_reference) > 0),
        breach_notification_email varchar(254),
        status varchar(16) NOT NULL DEFAULT 'connected' CHECK (status IN ('connected','disconnected')),
        created_at timestamptz NOT NULL DEFAULT ms_now(),
        disconnected_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organisations_name_per_municipality ON organisations (municipality_code, lower(name))`,
    );

    await q.query(`
      CREATE TABLE professionals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        name varchar(200) NOT NULL,
        email varchar(254) NOT NULL,
        phone varchar(32) NOT NULL,
        role varchar(24) NOT NULL CHECK (role IN ('professional','coordinator','follow_up_officer')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT ms_now(),
        updated_at timestamptz NOT NULL DEFAULT ms_now(),
        deactivated_at timestamptz
      )`);
    await q.query(`CREATE INDEX professionals_organisation ON professionals (organisation_id, created_at, id)`);

    await q.query(`
      CREATE TABLE credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        secret_hash bytea NOT NULL UNIQUE,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        label varchar(100),
        created_at timestamptz NOT NULL DEFAULT ms_now(),
        created_by uuid,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX credentials_organisation ON credentials (organisation_id, created_at, id)`);

    // Append-only: rows can be added and read, never changed or removed.
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT ms_now(),
        action varchar(64) NOT NULL,
        object_type varchar(32) NOT NULL,
        object_id uuid,
        actor_credential_id uuid,
        actor_organisation_id uuid,
        actor_professional_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        correlation_id varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_events_object ON audit_events (object_id)`);
    await q.query(`CREATE INDEX audit_events_actor ON audit_events (actor_organisation_id, occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    // Events written in the same transaction as the change they announce; the worker relays them to BullMQ.
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        correlation_id varchar(64),
        created_at timestamptz NOT NULL DEFAULT ms_now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
    await q.query('DROP TABLE audit_events');
    await q.query('DROP FUNCTION audit_events_append_only');
    await q.query('DROP TABLE credentials');
    await q.query('DROP TABLE professionals');
    await q.query('DROP TABLE organisations');
    await q.query('DROP FUNCTION ms_now');
  }
}
