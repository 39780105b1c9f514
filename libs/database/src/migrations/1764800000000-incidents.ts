import { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1764800000000 implements MigrationInterface {
  name = 'Incidents1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // Data breaches (covenant privacy protocol art. 8): every connected organisation's breach address
    // is notified, and the time of each notification is kept to show the 24-hour duty was met.
    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(100) NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary varchar(2000) NOT NULL,
        municipality_code char(4) NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT ms_now(),
        reported_by uuid
      )`);
    await q.query(`
      CREATE TABLE incident_notifications (
        incident_id uuid NOT NULL REFERENCES incidents(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        email varchar(254) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','notified','failed','dead')),
        attempts int NOT NULL DEFAULT 0,
        notified_at timestamptz,
        last_error varchar(300),
        PRIMARY KEY (incident_id, organisation_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE incident_notifications');
    await q.query('DROP TABLE incidents');
  }
}
