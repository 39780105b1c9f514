import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an organisation's professionals may use the BSN (Jw 7.1.4.2(3); the BJw lists the
 * categories that may). One that may not registers a youth by surname and birth date (with postcode
 * and house number where needed); the index finds the BSN in the BRP itself and never returns it.
 * Owned by the organisations lib.
 */
export class BsnRights1766900000000 implements MigrationInterface {
  name = 'BsnRights1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN uses_bsn boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN uses_bsn`);
  }
}
