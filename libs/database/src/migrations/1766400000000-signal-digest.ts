import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person may take signal e-mail as one daily digest instead of one e-mail per signal (the
 * follow-up officer's copies above all). Owned by the organisations lib (professionals); which
 * signals a digest mailed is told by their e-mail deliveries (signals lib).
 */
export class SignalDigest1766400000000 implements MigrationInterface {
  name = 'SignalDigest1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE professionals ADD COLUMN signal_digest boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE professionals DROP COLUMN signal_digest`);
  }
}
