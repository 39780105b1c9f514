import { MigrationInterface, QueryRunner } from 'typeorm';

/** A breach reported by a person in the portal (a coordinator) names that person, as one by a credential names the credential. */
export class IncidentReporters1765500000000 implements MigrationInterface {
  name = 'IncidentReporters1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incidents ADD COLUMN reported_by_person uuid REFERENCES professionals (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incidents DROP COLUMN reported_by_person`);
  }
}
