import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log becomes readable per college, and its chain keyed.
 * - Every event names the college whose staff may read it (the actor's, or for work of the system the
 *   college of the organisation concerned). Events from before this migration have none: only the
 *   operator reads those (CLI).
 * - Chain links made from now on are HMAC-SHA-256 under VIR_AUDIT_KEY, a key the database does not
 *   hold, over the event including its college; older links stay plain SHA-256 and verify as such.
 */
export class CollegeScopedKeyedAudit1765000000000 implements MigrationInterface {
  name = 'CollegeScopedKeyedAudit1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE audit_events ADD COLUMN municipality_code char(4) CHECK (municipality_code ~ '^[0-9]{4}$')`,
    );
    await q.query(`CREATE INDEX audit_events_college ON audit_events (municipality_code, id)`);
    await q.query(`ALTER TABLE audit_chain ADD COLUMN keyed boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_chain DROP COLUMN keyed`);
    await q.query(`DROP INDEX audit_events_college`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN municipality_code`);
  }
}
