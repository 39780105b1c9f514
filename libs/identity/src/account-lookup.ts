import { rows, sql } from '@vir/database';
import type { EntityManager } from 'typeorm';
import { PERSON_COLUMNS, personJoin, PersonRow, personView, PersonView } from './people';

export interface AccountRow {
  passwordHash: string;
  sealedSecret: Buffer;
  lastStep: number;
  failedAttempts: number;
  lockedUntil: Date | null;
  person: PersonView;
}

/** The account that logs in with an e-mail address (or of one person), locked for the caller's transaction. */
export async function lockedAccount(
  manager: EntityManager,
  by: { email: string } | { personId: string },
): Promise<AccountRow | null> {
  const where = 'email' in by ? sql`lower(a.login_email) = lower(${by.email})` : sql`a.person_id = ${by.personId}`;
  const [row] = await rows<
    PersonRow & {
      password_hash: string;
      totp_secret: Buffer;
      totp_last_step: string;
      failed_attempts: number;
      locked_until: Date | null;
    }
  >(
    manager,
    sql`SELECT a.password_hash, a.totp_secret, a.totp_last_step, a.failed_attempts, a.locked_until, ${PERSON_COLUMNS}
          FROM accounts a ${personJoin(sql`a.person_id`)} WHERE ${where} FOR UPDATE OF a`,
  );
  if (!row) return null;
  return {
    passwordHash: row.password_hash,
    sealedSecret: row.totp_secret,
    lastStep: Number(row.totp_last_step),
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    person: personView(row),
  };
}
