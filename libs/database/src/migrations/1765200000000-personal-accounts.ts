import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People log in as themselves. A designated person (a row of `professionals`, whose id stays) may
 * hold the new municipality roles `administrator` and `privacy_officer`; a built-in account holds
 * an argon2id password hash and a sealed TOTP secret; invitations and sessions keep only hashes of
 * their tokens, so a copy of the database opens no account and no session. An organisation may log
 * its people in through its own OpenID Connect provider (client secret sealed); a person is bound to
 * an external identity (issuer, subject) at the first login.
 */
export class PersonalAccounts1765200000000 implements MigrationInterface {
  name = 'PersonalAccounts1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE professionals DROP CONSTRAINT professionals_role_check`);
    await q.query(
      `ALTER TABLE professionals ADD CONSTRAINT professionals_role_check
         CHECK (role IN ('professional','coordinator','follow_up_officer','administrator','privacy_officer'))`,
    );
    await q.query(`
      CREATE TABLE accounts (
        person_id uuid PRIMARY KEY REFERENCES professionals (id) ON DELETE CASCADE,
        login_email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        totp_secret bytea NOT NULL,
        totp_last_step bigint NOT NULL DEFAULT 0,
        failed_attempts int NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_login_email ON accounts (lower(login_email))`);
    await q.query(`
      CREATE TABLE recovery_codes (
        person_id uuid NOT NULL REFERENCES accounts (person_id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (person_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES professionals (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        totp_secret bytea NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX invitations_person ON invitations (person_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES professionals (id) ON DELETE CASCADE,
        role_at_start varchar(24) NOT NULL,
        stage varchar(16) NOT NULL CHECK (stage IN ('second_factor','active')),
        login_method varchar(16) NOT NULL CHECK (login_method IN ('password','oidc')),
        csrf_token varchar(64) NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason varchar(32)
      )`);
    await q.query(`CREATE INDEX sessions_open_of_person ON sessions (person_id) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE identity_providers (
        organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
        issuer varchar(255) NOT NULL,
        client_id varchar(255) NOT NULL,
        client_secret bytea NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE external_identities (
        issuer varchar(255) NOT NULL,
        subject varchar(255) NOT NULL,
        person_id uuid NOT NULL REFERENCES professionals (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (issuer, subject)
      )`);
    await q.query(`
      CREATE TABLE sso_logins (
        state_hash bytea PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        code_verifier varchar(128) NOT NULL,
        nonce varchar(128) NOT NULL,
        created_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sso_logins');
    await q.query('DROP TABLE external_identities');
    await q.query('DROP TABLE identity_providers');
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE invitations');
    await q.query('DROP TABLE recovery_codes');
    await q.query('DROP TABLE accounts');
    await q.query(`ALTER TABLE professionals DROP CONSTRAINT professionals_role_check`);
    await q.query(
      `ALTER TABLE professionals ADD CONSTRAINT professionals_role_check
         CHECK (role IN ('professional','coordinator','follow_up_officer'))`,
    );
  }
}
