import { MigrationInterface, QueryRunner } from 'typeorm';

/** The written agreement (Jw 7.1.3.1) by its date and term, beside its reference. */
export class AgreementTerm1765700000000 implements MigrationInterface {
  name = 'AgreementTerm1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE organisations ADD COLUMN agreement_signed_on date, ADD COLUMN agreement_ends_on date,
         ADD CONSTRAINT organisations_agreement_term CHECK (agreement_ends_on IS NULL OR agreement_signed_on IS NULL OR agreement_ends_on > agreement_signed_on)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE organisations DROP CONSTRAINT organisations_agreement_term, DROP COLUMN agreement_ends_on, DROP COLUMN agreement_signed_on`,
    );
  }
}
