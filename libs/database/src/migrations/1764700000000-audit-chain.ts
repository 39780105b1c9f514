import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChain1764700000000 implements MigrationInterface {
  name = 'AuditChain1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Tamper evidence without touching the events: the worker appends one link per event, in the
    // order it seals them, each hash covering the previous hash and the event. Both tables are
    // append-only; changing or removing an event or a link breaks the chain there.
    await q.query(`
      CREATE TABLE audit_chain (
        position bigint PRIMARY KEY,
        event_id bigint NOT NULL UNIQUE,
        prev_hash bytea NOT NULL,
        hash bytea NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT ms_now()
      )`);
    await q.query(`
      CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON audit_chain
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`CREATE INDEX audit_events_time ON audit_events (occurred_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_time`);
    await q.query(`DROP TABLE audit_chain`);
  }
}
