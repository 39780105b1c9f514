import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What came of the contact a participant confirmed: they spoke (contact_made), already knew of each
 * other (already_acquainted), or found no action needed (no_action_needed). An outcome, never a reason.
 */
export class ContactOutcome1765400000000 implements MigrationInterface {
  name = 'ContactOutcome1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE match_participants ADD COLUMN contact_outcome varchar(24)
         CHECK (contact_outcome IN ('contact_made','already_acquainted','no_action_needed'))`,
    );
    await q.query(
      `UPDATE match_participants SET contact_outcome = 'contact_made' WHERE contact_confirmed_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE match_participants DROP COLUMN contact_outcome`);
  }
}
