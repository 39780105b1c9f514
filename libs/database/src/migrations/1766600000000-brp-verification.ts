import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations verified in the BRP (Jw 7.1.4.2, 7.1.2.3(1)(a)). A registration made while the BRP
 * does not answer is accepted as awaiting verification: it holds its BSN sealed (AES-256-GCM under
 * the pseudonym key of its version) in `registration_verifications` until the BRP answers, and
 * enters matching only once verified. One the BRP then does not confirm ends with reason
 * `unverified`, and its registrant gets a signal of kind `unverified`. Both owned by the
 * registrations lib, the signal kind by signals.
 */
export class BrpVerification1766600000000 implements MigrationInterface {
  name = 'BrpVerification1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations
      ADD COLUMN verification varchar(24) NOT NULL DEFAULT 'not_checked'
        CHECK (verification IN ('not_checked', 'verified', 'awaiting_verification'))`);
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_removal_reason_check`);
    await q.query(`ALTER TABLE registrations ADD CONSTRAINT registrations_removal_reason_check
      CHECK (removal_reason IN ('risk_gone','unjustified','expired','age_23','deceased','erasure','objection',
                                'organisation_disconnected','unverified'))`);
    await q.query(`
      CREATE TABLE registration_verifications (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id),
        bsn_sealed bytea NOT NULL,
        seal_version smallint NOT NULL,
        birth_date date NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT ms_now(),
        last_problem varchar(24)
      )`);
    await q.query(`CREATE INDEX registration_verifications_due ON registration_verifications (next_attempt_at)`);

    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_kind_check
      CHECK (kind IN ('match','match_extended','archive','reminder','escalation','unverified'))`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_check`);
    await q.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_without_match CHECK ((kind IN ('archive','unverified')) = (match_id IS NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM signal_deliveries WHERE signal_id IN (SELECT id FROM signals WHERE kind = 'unverified')`,
    );
    await q.query(`DELETE FROM signals WHERE kind = 'unverified'`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_without_match`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_check CHECK ((kind = 'archive') = (match_id IS NULL))`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await q.query(`ALTER TABLE signals ADD CONSTRAINT signals_kind_check
      CHECK (kind IN ('match','match_extended','archive','reminder','escalation'))`);
    await q.query(`DROP TABLE registration_verifications`);
    await q.query(`UPDATE registrations SET removal_reason = 'unjustified' WHERE removal_reason = 'unverified'`);
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_removal_reason_check`);
    await q.query(`ALTER TABLE registrations ADD CONSTRAINT registrations_removal_reason_check
      CHECK (removal_reason IN ('risk_gone','unjustified','expired','age_23','deceased','erasure','objection','organisation_disconnected'))`);
    await q.query(`ALTER TABLE registrations DROP COLUMN verification`);
  }
}
