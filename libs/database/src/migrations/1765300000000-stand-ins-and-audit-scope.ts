import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stand-ins (vervangers): for a period a designated person's signals also go to a colleague of the
 * same organisation, who may act on the person's matches; a signal so received names on whose behalf,
 * and a contact confirmed by a stand-in names who confirmed. One stand-in per person at a time.
 *
 * The audit log is split by duty: the new scope `audit` (the privacy officer) reads the college's whole
 * log, `admin` alone only administrative events. Credentials that carried `admin` before this version
 * keep reading what they read, by getting `audit` too (see docs/operations.md, "Upgrading"). The
 * installation's own key gets the new scope `operator`: it connects further colleges.
 */
export class StandInsAndAuditScope1765300000000 implements MigrationInterface {
  name = 'StandInsAndAuditScope1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stand_ins (
        professional_id uuid PRIMARY KEY REFERENCES professionals (id),
        stand_in_id uuid NOT NULL REFERENCES professionals (id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (stand_in_id <> professional_id),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX stand_ins_by_stand_in ON stand_ins (stand_in_id)`);
    await q.query(`ALTER TABLE signals ADD COLUMN on_behalf_of_professional_id uuid REFERENCES professionals (id)`);
    await q.query(
      `ALTER TABLE match_participants ADD COLUMN contact_confirmed_by_professional_id uuid REFERENCES professionals (id)`,
    );
    await q.query(`UPDATE credentials SET scopes = scopes || '{audit}'::text[] WHERE 'admin' = ANY(scopes)`);
    // The installation's key (VIR_BOOTSTRAP_ADMIN_KEY) is the operator's: it connects colleges.
    await q.query(
      `UPDATE credentials SET scopes = scopes || '{operator}'::text[] WHERE label = 'bootstrap administrator' AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE credentials SET scopes = array_remove(array_remove(scopes, 'audit'), 'operator')`);
    await q.query(`ALTER TABLE match_participants DROP COLUMN contact_confirmed_by_professional_id`);
    await q.query(`ALTER TABLE signals DROP COLUMN on_behalf_of_professional_id`);
    await q.query('DROP TABLE stand_ins');
  }
}
