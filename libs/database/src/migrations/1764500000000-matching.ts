import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1764500000000 implements MigrationInterface {
  name = 'Matching1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Set when the matching worker has handled a registration; the reconciliation sweep
    // re-enqueues registrations left without it (a job lost with a Redis restart).
    await q.query(`ALTER TABLE registrations ADD COLUMN match_checked_at timestamptz`);
    await q.query(
      `CREATE INDEX registrations_unchecked ON registrations (created_at) WHERE status = 'active' AND match_checked_at IS NULL`,
    );

    // A match: two or more active registrations of the same youth (Jw 7.1.2.3(1)(c)).
    // The youth key is kept only while the match is open, to find it again; a closed match keeps nothing of the youth.
    await q.query(`
      CREATE TABLE matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL DEFAULT 'same_youth' CHECK (kind IN ('same_youth')),
        youth_key bytea CHECK (youth_key IS NULL OR length(youth_key) = 32),
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_contact','closed')),
        created_at timestamptz NOT NULL DEFAULT ms_now(),
        closed_at timestamptz,
        CHECK ((status = 'closed') = (youth_key IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX matches_one_open_per_youth ON matches (youth_key, kind) WHERE status <> 'closed'`,
    );

    await q.query(`
      CREATE TABLE match_participants (
        match_id uuid NOT NULL REFERENCES matches(id),
        registration_id uuid NOT NULL REFERENCES registrations(id),
        professional_id uuid NOT NULL REFERENCES professionals(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        position int NOT NULL CHECK (position >= 1),
        joined_at timestamptz NOT NULL DEFAULT ms_now(),
        left_at timestamptz,
        PRIMARY KEY (match_id, registration_id),
        UNIQUE (match_id, position)
      )`);
    await q.query(`CREATE INDEX match_participants_by_registration ON match_participants (registration_id)`);

    // A signal (signaal) to one person: a participant, a coordinator or a follow-up officer. It names
    // the other professionals involved, nothing else (Jw 7.1.4.3(2)). One per person per event:
    // the unique constraint makes a retried or duplicated job harmless.
    await q.query(`
      CREATE TABLE signals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('match','match_extended','archive')),
        match_id uuid REFERENCES matches(id),
        trigger_registration_id uuid NOT NULL REFERENCES registrations(id),
        recipient_professional_id uuid NOT NULL REFERENCES professionals(id),
        recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
        recipient_role varchar(24) NOT NULL CHECK (recipient_role IN ('participant','coordinator','follow_up_officer')),
        named_professional_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT ms_now(),
        acknowledged_at timestamptz,
        CHECK ((kind = 'archive') = (match_id IS NULL)),
        UNIQUE (trigger_registration_id, recipient_professional_id, kind)
      )`);
    await q.query(`CREATE INDEX signals_inbox ON signals (recipient_organisation_id, created_at, id)`);
    await q.query(`CREATE INDEX signals_by_match ON signals (match_id)`);

    // One row per signal and channel: a signal is never delivered twice on the same channel.
    await q.query(`
      CREATE TABLE signal_deliveries (
        signal_id uuid NOT NULL REFERENCES signals(id),
        channel varchar(16) NOT NULL CHECK (channel IN ('inbox','email','webhook')),
        status varchar(16) NOT NULL CHECK (status IN ('pending','delivered','failed','dead')),
        attempts int NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        last_error varchar(300),
        PRIMARY KEY (signal_id, channel)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE signal_deliveries');
    await q.query('DROP TABLE signals');
    await q.query('DROP TABLE match_participants');
    await q.query('DROP TABLE matches');
    await q.query('ALTER TABLE registrations DROP COLUMN match_checked_at');
  }
}
