import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privacy officer's register of requests by the young person or the legal representative
 * (AVG 15–21; Jw 7.1.5.1(2), 7.1.5.2; covenant privacy protocol 4.3). It holds no youth identifier:
 * the BSN is typed again when the request is answered and never stored. Owned by the privacy lib.
 */
export class SubjectRequests1765600000000 implements MigrationInterface {
  name = 'SubjectRequests1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subject_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code text NOT NULL,
        reference text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction', 'objection')),
        received_on date NOT NULL,
        due_on date NOT NULL,
        requested_by text NOT NULL
          CHECK (requested_by IN ('youth', 'legal_representative', 'youth_and_legal_representative')),
        advice_asked_on date,
        advice_received_on date,
        decision text CHECK (decision IN ('granted', 'partly_granted', 'refused')),
        answered_on date,
        outcome jsonb,
        recorded_by uuid REFERENCES credentials (id),
        recorded_by_person uuid REFERENCES professionals (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_code, reference)
      )`);
    await q.query(
      `CREATE INDEX subject_requests_open ON subject_requests (municipality_code, due_on) WHERE answered_on IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subject_requests`);
  }
}
