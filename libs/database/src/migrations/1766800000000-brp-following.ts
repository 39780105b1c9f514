import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Following youths in the BRP for moves and deaths (Jw 7.1.2.3(1)(g), 7.1.4.5(2)(c)). A youth with a
 * verified registration is followed (`followed_youths`, owned by registrations): its BSN sealed (the
 * Update API's volgindicatie and the re-query need it), the municipality it is registered in, when
 * the volgindicatie was set, and `ending` once its last registration ended (the worker ends the
 * volgindicatie, then drops the row). `brp_change_feed` (owned by matching) remembers the day of the
 * last poll of the Update API. Signals of kind `move` name the municipality moved to.
 */
export class BrpFollowing1766800000000 implements MigrationInterface {
  name = 'BrpFollowing1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE followed_youths (
        youth_key bytea PRIMARY KEY CHECK (length(youth_key) = 32),
        key_version smallint NOT NULL,
        bsn_sealed bytea NOT NULL,
        seal_version smallint NOT NULL,
        municipality_code char(4),
        followed_at timestamptz,
        checked_at timestamptz NOT NULL DEFAULT ms_now(),
        ending boolean NOT NULL DEFAULT false
      )`);
    await q.query(
      `CREATE INDEX followed_youths_to_follow ON followed_youths (youth_key) WHERE followed_at IS NULL OR ending`,
    );
    await q.query(`CREATE INDEX followed_youths_by_check ON followed_youths (checked_at)`);
    await q.query(`
      CREATE TABLE brp_change_feed (
        id smallint PRIMARY KEY CHECK (id = 1),
        polled_on date NOT NULL
      )`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_kind_check
      CHECK (kind IN ('match','match_extended','archive','reminder','escalation','unverified','move'))`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_without_match`);
    await q.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_without_match CHECK ((kind IN ('archive','unverified','move')) = (match_id IS NULL))`,
    );
    await q.query(`ALTER TABLE signals ADD COLUMN moved_to char(4) CHECK ((kind = 'move') = (moved_to IS NOT NULL))`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_once_per_event`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_once_per_event
      UNIQUE NULLS NOT DISTINCT (trigger_registration_id, recipient_professional_id, kind, match_id, moved_to)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM signal_deliveries WHERE signal_id IN (SELECT id FROM signals WHERE kind = 'move')`);
    await q.query(`DELETE FROM signals WHERE kind = 'move'`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_once_per_event`);
    await q.query(`ALTER TABLE signals DROP COLUMN moved_to`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_once_per_event
      UNIQUE NULLS NOT DISTINCT (trigger_registration_id, recipient_professional_id, kind, match_id)`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_without_match`);
    await q.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_without_match CHECK ((kind IN ('archive','unverified')) = (match_id IS NULL))`,
    );
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_kind_check
      CHECK (kind IN ('match','match_extended','archive','reminder','escalation','unverified'))`);
    await q.query(`DROP TABLE brp_change_feed`);
    await q.query(`DROP TABLE followed_youths`);
  }
}
