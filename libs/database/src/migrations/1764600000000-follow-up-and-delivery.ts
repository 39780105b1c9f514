import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowUpAndDelivery1764600000000 implements MigrationInterface {
  name = 'FollowUpAndDelivery1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Per organisation: where its case system wants signals announced (CloudEvents), and for a
    // municipality its follow-up deadlines in working days (null: the defaults, 5 and 10).
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN webhook_url varchar(2000),
        ADD COLUMN webhook_secret varchar(200),
        ADD COLUMN follow_up_reminder_days smallint CHECK (follow_up_reminder_days BETWEEN 1 AND 60),
        ADD COLUMN follow_up_escalation_days smallint CHECK (follow_up_escalation_days BETWEEN 1 AND 120),
        ADD CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))`);

    // Follow-up of a match (Jw 7.1.3.2): who coordinates, the deadlines, and when they were acted on.
    // The deadlines come from the municipality of the organisation that founded the match.
    await q.query(`
      ALTER TABLE matches
        ADD COLUMN municipality_code char(4),
        ADD COLUMN lead_professional_id uuid REFERENCES professionals(id),
        ADD COLUMN reminder_due_on date,
        ADD COLUMN escalation_due_on date,
        ADD COLUMN reminded_at timestamptz,
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN in_contact_at timestamptz`);
    await q.query(`CREATE INDEX matches_follow_up ON matches (municipality_code, status, escalation_due_on)`);
    await q.query(`CREATE INDEX matches_due ON matches (reminder_due_on, escalation_due_on) WHERE status = 'open'`);
    await q.query(`ALTER TABLE match_participants ADD COLUMN contact_confirmed_at timestamptz`);

    // Reminder and escalation signals belong to a match, not to a registration event: once per match and person.
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await q.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_kind_check CHECK (kind IN ('match','match_extended','archive','reminder','escalation'))`,
    );
    await q.query(`ALTER TABLE signals ALTER COLUMN trigger_registration_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE signals ADD CHECK ((kind IN ('reminder','escalation')) = (trigger_registration_id IS NULL))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX signals_once_per_match_follow_up ON signals (match_id, recipient_professional_id, kind) WHERE kind IN ('reminder','escalation')`,
    );
    await q.query(`CREATE INDEX signals_inbox_newest ON signals (recipient_organisation_id, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX signals_inbox`);

    // Delivery attempts per channel: when the next is due and what the last answer was.
    await q.query(`
      ALTER TABLE signal_deliveries
        ADD COLUMN first_attempt_at timestamptz,
        ADD COLUMN organisation_id uuid REFERENCES organisations(id),
        ADD COLUMN last_response varchar(16)`);
    await q.query(
      `CREATE INDEX signal_deliveries_dead ON signal_deliveries (organisation_id, last_attempt_at) WHERE status = 'dead'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX signal_deliveries_dead`);
    await q.query(
      `ALTER TABLE signal_deliveries DROP COLUMN first_attempt_at, DROP COLUMN organisation_id, DROP COLUMN last_response`,
    );
    await q.query(`CREATE INDEX signals_inbox ON signals (recipient_organisation_id, created_at, id)`);
    await q.query(`DROP INDEX signals_inbox_newest`);
    await q.query(`DROP INDEX signals_once_per_match_follow_up`);
    await q.query(`DELETE FROM signals WHERE kind IN ('reminder','escalation')`);
    await q.query(`ALTER TABLE signals ALTER COLUMN trigger_registration_id SET NOT NULL`);
    await q.query(`ALTER TABLE match_participants DROP COLUMN contact_confirmed_at`);
    await q.query(`DROP INDEX matches_due`);
    await q.query(`DROP INDEX matches_follow_up`);
    await q.query(`ALTER TABLE matches DROP COLUMN municipality_code, DROP COLUMN lead_professional_id, DROP COLUMN reminder_due_on,
      DROP COLUMN escalation_due_on, DROP COLUMN reminded_at, DROP COLUMN escalated_at, DROP COLUMN in_contact_at`);
    await q.query(`ALTER TABLE organisations DROP COLUMN webhook_url, DROP COLUMN webhook_secret,
      DROP COLUMN follow_up_reminder_days, DROP COLUMN follow_up_escalation_days`);
  }
}
