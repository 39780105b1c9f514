import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChain1764700000000 implements MigrationInterface {
  name = 'AuditChain1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Tamper evidence: the worker seals events into a hash chain in the order it seals them
    // (chain_position), each hash covering the previous hash and the event. Sealing is the one
    // change the trigger allows: filling the three chain columns of an unsealed event.
    await q.query(`ALTER TABLE audit_events ADD COLUMN chain_position bigint UNIQUE, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`CREATE INDEX audit_events_unsealed ON audit_events (id) WHERE hash IS NULL`);
    await q.query(`CREATE INDEX audit_events_time ON audit_events (occurred_at, id)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.chain_position IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.action, NEW.object_type, NEW.object_id, NEW.actor_credential_id,
                NEW.actor_organisation_id, NEW.actor_professional_id, NEW.details, NEW.correlation_id)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.action, OLD.object_type, OLD.object_id, OLD.actor_credential_id,
                OLD.actor_organisation_id, OLD.actor_professional_id, OLD.details, OLD.correlation_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP INDEX audit_events_time`);
    await q.query(`DROP INDEX audit_events_unsealed`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN chain_position, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }
}
