import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the follow-up officer did with an escalated match (Jw 7.1.3.2): whom they contacted (the
 * match's participants, by reference), the outcome, and when they look again. No free text: what was
 * said belongs in nobody's record here. The match keeps the latest state for the worklist.
 */
export class EscalationHandling1766100000000 implements MigrationInterface {
  name = 'EscalationHandling1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_escalation_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        match_id uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
        recorded_by_professional_id uuid REFERENCES professionals (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        contacted_professional_ids uuid[] NOT NULL CHECK (cardinality(contacted_professional_ids) BETWEEN 1 AND 50),
        outcome varchar(24) NOT NULL CHECK (outcome IN ('contact_pending','resolved','escalated_again')),
        next_check_on date,
        CHECK ((outcome = 'resolved') = (next_check_on IS NULL))
      )`);
    await q.query(`CREATE INDEX match_escalation_actions_match ON match_escalation_actions (match_id, recorded_at)`);
    await q.query(
      `ALTER TABLE matches ADD COLUMN escalation_resolved_at timestamptz, ADD COLUMN escalation_next_check_on date`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matches DROP COLUMN escalation_resolved_at, DROP COLUMN escalation_next_check_on`);
    await q.query(`DROP TABLE match_escalation_actions`);
  }
}
