import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer index entries per registration and per signal, on the paths that run hundreds of times a
 * second. The youth's active registrations are found through the unique index that starts with the
 * youth key (same predicate), so the second index on that key only cost writes. Events the system
 * records by itself (signals created and delivered) have no actor organisation, so the index by
 * actor organisation leaves them out; a search by organisation never looks for NULL.
 */
export class LighterHotIndexes1764900000000 implements MigrationInterface {
  name = 'LighterHotIndexes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX registrations_active_by_youth`);
    await q.query(`DROP INDEX audit_events_actor`);
    await q.query(
      `CREATE INDEX audit_events_actor ON audit_events (actor_organisation_id, occurred_at) WHERE actor_organisation_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_actor`);
    await q.query(`CREATE INDEX audit_events_actor ON audit_events (actor_organisation_id, occurred_at)`);
    await q.query(`CREATE INDEX registrations_active_by_youth ON registrations (youth_key) WHERE status = 'active'`);
  }
}
