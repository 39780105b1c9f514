import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a person's contact details were last confirmed (changed, or checked and found right), so the
 * coordinator sees who has not been checked for months: a signal's contact card is only as good as these.
 */
export class ContactConfirmation1765900000000 implements MigrationInterface {
  name = 'ContactConfirmation1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE professionals ADD COLUMN contact_confirmed_at timestamptz`);
    await q.query(`UPDATE professionals SET contact_confirmed_at = updated_at`);
    await q.query(
      `ALTER TABLE professionals ALTER COLUMN contact_confirmed_at SET NOT NULL, ALTER COLUMN contact_confirmed_at SET DEFAULT now()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE professionals DROP COLUMN contact_confirmed_at`);
  }
}
