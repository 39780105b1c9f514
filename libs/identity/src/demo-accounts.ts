import { createHmac } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { execute, rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { base32 } from './base32';
import { SecondFactor } from './second-factor';

export interface DemoLogin {
  personId: string;
  email: string;
  password: string;
  totpSecret: string;
}

/**
 * Accounts for the demo people of `npm start`, with a password and TOTP secret derived from this
 * install's pseudonym key (printed again at every start, computable by nobody without the key).
 * Never in production.
 */
@Injectable()
export class DemoAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly secondFactor: SecondFactor,
  ) {}

  async ensure(people: { personId: string; email: string }[]): Promise<DemoLogin[]> {
    if (this.config.isProduction) throw new Error('Demo accounts are never made in production (NODE_ENV=production).');
    const logins: DemoLogin[] = [];
    const existing = new Set(
      (
        await rows<{ person_id: string }>(
          this.dataSource,
          sql`SELECT person_id FROM accounts WHERE person_id = ANY(${people.map((p) => p.personId)}::uuid[])`,
        )
      ).map((row) => row.person_id),
    );
    for (const person of people) {
      const derived = createHmac('sha256', this.config.VIR_PSEUDONYM_KEY)
        .update(`demo-login|${person.personId}`)
        .digest();
      const login = {
        ...person,
        password: `demo-${derived.subarray(0, 9).toString('base64url')}`,
        totpSecret: base32(derived.subarray(12, 32)),
      };
      logins.push(login);
      if (existing.has(person.personId)) continue; // a start after the first: argon2 only for new ones
      const now = this.clock.now();
      await execute(
        this.dataSource,
        sql`INSERT INTO accounts (person_id, login_email, password_hash, totp_secret, created_at, updated_at)
            VALUES (${person.personId}, ${person.email}, ${await hash(login.password)}, ${this.secondFactor.seal(login.totpSecret)}, ${now}, ${now})
            ON CONFLICT (person_id) DO NOTHING`,
      );
    }
    return logins;
  }
}
