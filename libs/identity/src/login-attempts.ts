import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { execute, sql } from '@vir/database';
import type { EntityManager } from 'typeorm';
import type { AccountRow } from './account-lookup';
import { AccountLockedError, LoginRefusedError } from './identity-errors';
import { LoginThrottle } from './login-throttle';
import { personActor } from './person-actor';

/** What both login steps do on success and failure: count, lock out after LOGIN_MAX_FAILURES, trace. */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
  ) {}

  refuseIfLocked(account: AccountRow): void {
    if (account.lockedUntil && account.lockedUntil > this.clock.now())
      throw new AccountLockedError(this.config.LOGIN_LOCKOUT_MINUTES);
  }

  /** Records the failure (committed with the caller's transaction) and answers the error to throw after the commit. */
  async failed(
    manager: EntityManager,
    account: AccountRow | null,
    step: 'password' | 'code',
    context: { source: string; correlationId: string },
  ): Promise<Error> {
    this.throttle.failed(context.source);
    if (!account) {
      await this.audit.record(manager, {
        action: 'person.login-failed',
        objectType: 'account',
        actor: { correlationId: context.correlationId },
        details: { step, reason: 'unknown-account' },
      });
      return new LoginRefusedError(step);
    }
    const failures = account.failedAttempts + 1;
    const locks = failures >= this.config.LOGIN_MAX_FAILURES;
    const now = this.clock.now();
    await execute(
      manager,
      sql`UPDATE accounts SET failed_attempts = ${locks ? 0 : failures},
            locked_until = ${locks ? new Date(now.getTime() + this.config.LOGIN_LOCKOUT_MINUTES * 60_000) : account.lockedUntil},
            updated_at = ${now}
          WHERE person_id = ${account.person.personId}`,
    );
    const actor = personActor(account.person, context.correlationId);
    await this.audit.record(manager, {
      action: 'person.login-failed',
      objectType: 'person',
      objectId: account.person.personId,
      actor,
      details: { step, failures },
    });
    if (!locks) return new LoginRefusedError(step);
    await this.audit.record(manager, {
      action: 'person.locked-out',
      objectType: 'person',
      objectId: account.person.personId,
      actor,
      details: { minutes: this.config.LOGIN_LOCKOUT_MINUTES },
    });
    return new AccountLockedError(this.config.LOGIN_LOCKOUT_MINUTES);
  }

  async succeeded(manager: EntityManager, personId: string, totpStep?: number): Promise<void> {
    await execute(
      manager,
      sql`UPDATE accounts SET failed_attempts = 0, locked_until = NULL, updated_at = ${this.clock.now()}
            ${totpStep === undefined ? sql`` : sql`, totp_last_step = ${totpStep}`}
          WHERE person_id = ${personId}`,
    );
  }
}
