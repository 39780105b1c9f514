import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A college's own closing days (the days between Christmas and New Year, a bridge day): follow-up
 * deadlines skip them as they skip weekends and the public holidays. Kept with the other follow-up
 * terms on the gemeente's organisation; owned by the organisations lib.
 */
export class CollegeClosingDays1766500000000 implements MigrationInterface {
  name = 'CollegeClosingDays1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations
      ADD COLUMN follow_up_closing_days date[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(follow_up_closing_days) <= 60)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN follow_up_closing_days`);
  }
}
