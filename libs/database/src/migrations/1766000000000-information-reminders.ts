import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which deadline of an information task the professional was reminded of (the due date, or the
 * re-check day of a postponement), so each is mailed once; and the open tasks by their deadline.
 */
export class InformationReminders1766000000000 implements MigrationInterface {
  name = 'InformationReminders1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations ADD COLUMN inform_reminded_for date`);
    await q.query(
      `CREATE INDEX registrations_information_open ON registrations ((COALESCE(inform_recheck_on, inform_due_on)))
        WHERE status = 'active' AND informed_on IS NULL AND inform_target IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX registrations_information_open`);
    await q.query(`ALTER TABLE registrations DROP COLUMN inform_reminded_for`);
  }
}
