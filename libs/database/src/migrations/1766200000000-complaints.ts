import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The college's register of complaints about the index (covenant privacy protocol art. 5), for the
 * written response and the yearly evaluation (covenant 6.2). Categories and dates only: no name,
 * no youth identifier, no text of the complaint. Owned by the privacy lib.
 */
export class Complaints1766200000000 implements MigrationInterface {
  name = 'Complaints1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code text NOT NULL,
        reference text NOT NULL,
        received_on date NOT NULL,
        due_on date NOT NULL,
        filed_by text NOT NULL CHECK (filed_by IN ('youth', 'legal_representative')),
        topic text NOT NULL
          CHECK (topic IN ('registration', 'information', 'rights', 'follow_up', 'security', 'other')),
        concerns_organisation_id uuid REFERENCES organisations (id),
        forwarded_on date,
        responded_on date,
        outcome text CHECK (outcome IN ('founded', 'partly_founded', 'unfounded', 'settled', 'withdrawn')),
        recorded_by uuid REFERENCES credentials (id),
        recorded_by_person uuid REFERENCES professionals (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_code, reference),
        CHECK ((responded_on IS NULL) = (outcome IS NULL))
      )`);
    await q.query(`CREATE INDEX complaints_by_year ON complaints (municipality_code, received_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaints`);
  }
}
