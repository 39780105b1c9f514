import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The family match (Jw 7.1.2.3(1)(e)): youths with active registrations who share a BRP-registered
 * parent. A verified registration keeps its youth's parents as keyed hashes (`registration_parents`,
 * owned by registrations; never a BSN), dropped when the registration ends. A family match is a
 * match of kind `family` keyed by the shared parent's key (one open per parent, as one open
 * same-youth match per youth); signals record the kind of their match (`match_kind`, owned by signals).
 */
export class FamilyMatch1766700000000 implements MigrationInterface {
  name = 'FamilyMatch1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_parents (
        registration_id uuid NOT NULL REFERENCES registrations(id),
        parent_key bytea NOT NULL CHECK (length(parent_key) = 32),
        key_version smallint NOT NULL,
        PRIMARY KEY (registration_id, parent_key)
      )`);
    await q.query(`CREATE INDEX registration_parents_by_parent ON registration_parents (parent_key)`);
    await q.query(`ALTER TABLE matches DROP CONSTRAINT matches_kind_check`);
    await q.query(`ALTER TABLE matches ADD CONSTRAINT matches_kind_check CHECK (kind IN ('same_youth', 'family'))`);
    // Null for a signal without a match, and for the same-youth signals made before this column.
    await q.query(
      `ALTER TABLE signals ADD COLUMN match_kind varchar(16) CHECK (match_kind IN ('same_youth', 'family'))`,
    );
    // One registration's arrival may concern a recipient in two matches (the youth's and a family's).
    await q.query(
      `ALTER TABLE signals DROP CONSTRAINT signals_trigger_registration_id_recipient_professional_id_k_key`,
    );
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_once_per_event
      UNIQUE NULLS NOT DISTINCT (trigger_registration_id, recipient_professional_id, kind, match_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_once_per_event`);
    await q.query(`ALTER TABLE signals DROP COLUMN match_kind`);
    await q.query(`DELETE FROM match_participants WHERE match_id IN (SELECT id FROM matches WHERE kind = 'family')`);
    await q.query(
      `DELETE FROM signal_deliveries WHERE signal_id IN (SELECT s.id FROM signals s JOIN matches m ON m.id = s.match_id WHERE m.kind = 'family')`,
    );
    await q.query(`DELETE FROM signals WHERE match_id IN (SELECT id FROM matches WHERE kind = 'family')`);
    await q.query(`DELETE FROM matches WHERE kind = 'family'`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_trigger_registration_id_recipient_professional_id_k_key
      UNIQUE (trigger_registration_id, recipient_professional_id, kind)`);
    await q.query(`ALTER TABLE matches DROP CONSTRAINT matches_kind_check`);
    await q.query(`ALTER TABLE matches ADD CONSTRAINT matches_kind_check CHECK (kind = 'same_youth')`);
    await q.query(`DROP TABLE registration_parents`);
  }
}
