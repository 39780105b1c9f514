import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What follows a breach report: the college's decision whether to notify the Autoriteit
 * Persoonsgegevens (AVG 33, within 72 hours), and updates every partner receives (privacy protocol
 * 8.3), each a numbered round of the same notifications (round 0 is the report itself). An update
 * may close the incident. Owned by the privacy lib.
 */
export class IncidentFollowUp1766300000000 implements MigrationInterface {
  name = 'IncidentFollowUp1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incidents
        ADD COLUMN authority_decision varchar(16) CHECK (authority_decision IN ('notified', 'not_notified')),
        ADD COLUMN authority_decided_at timestamptz,
        ADD COLUMN authority_reference varchar(100),
        ADD COLUMN authority_decided_by uuid REFERENCES credentials (id),
        ADD COLUMN authority_decided_by_person uuid REFERENCES professionals (id),
        ADD COLUMN closed_at timestamptz,
        ADD CONSTRAINT incidents_authority_decision CHECK ((authority_decision IS NULL) = (authority_decided_at IS NULL))`);
    await q.query(`
      CREATE TABLE incident_updates (
        incident_id uuid NOT NULL REFERENCES incidents (id),
        round int NOT NULL CHECK (round > 0),
        summary varchar(2000) NOT NULL,
        closes boolean NOT NULL DEFAULT false,
        recorded_at timestamptz NOT NULL DEFAULT ms_now(),
        recorded_by uuid REFERENCES credentials (id),
        recorded_by_person uuid REFERENCES professionals (id),
        PRIMARY KEY (incident_id, round)
      )`);
    await q.query(`
      ALTER TABLE incident_notifications
        ADD COLUMN round int NOT NULL DEFAULT 0,
        DROP CONSTRAINT incident_notifications_pkey,
        ADD PRIMARY KEY (incident_id, organisation_id, round)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM incident_notifications WHERE round > 0`);
    await q.query(`
      ALTER TABLE incident_notifications DROP CONSTRAINT incident_notifications_pkey, DROP COLUMN round,
        ADD PRIMARY KEY (incident_id, organisation_id)`);
    await q.query(`DROP TABLE incident_updates`);
    await q.query(`
      ALTER TABLE incidents DROP CONSTRAINT incidents_authority_decision, DROP COLUMN closed_at,
        DROP COLUMN authority_decided_by_person, DROP COLUMN authority_decided_by, DROP COLUMN authority_reference,
        DROP COLUMN authority_decided_at, DROP COLUMN authority_decision`);
  }
}
