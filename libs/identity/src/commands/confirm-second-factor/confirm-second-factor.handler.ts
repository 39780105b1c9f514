import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { execute, rows, sql } from '@vir/database';
import { DataSource, EntityManager } from 'typeorm';
import { AccountRow, lockedAccount } from '../../account-lookup';
import { LoginThrottledError, SessionMissingError } from '../../identity-errors';
import { LoginAttempts } from '../../login-attempts';
import { LoginThrottle } from '../../login-throttle';
import { personActor } from '../../person-actor';
import { SecondFactor } from '../../second-factor';
import { SessionStore } from '../../session-store';
import { ActiveLogin, ConfirmSecondFactorCommand } from './confirm-second-factor.command';

@CommandHandler(ConfirmSecondFactorCommand)
export class ConfirmSecondFactorHandler implements ICommandHandler<ConfirmSecondFactorCommand, ActiveLogin> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly attempts: LoginAttempts,
    private readonly sessions: SessionStore,
    private readonly secondFactor: SecondFactor,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: ConfirmSecondFactorCommand): Promise<ActiveLogin> {
    const wait = this.throttle.retryAfter(command.source);
    if (wait > 0) throw new LoginThrottledError(wait);
    const pending = await this.sessions.resume(command.pendingToken);
    if (!pending || pending.stage !== 'second_factor') throw new SessionMissingError();

    const outcome = await this.dataSource.transaction(
      async (manager): Promise<{ login: ActiveLogin } | { error: Error }> => {
        const account = await lockedAccount(manager, { personId: pending.person.personId });
        if (!account) return { error: new SessionMissingError() };
        this.attempts.refuseIfLocked(account);
        const used = await this.check(manager, account, command.code);
        if (!used) return { error: await this.attempts.failed(manager, account, 'code', command) };
        await this.attempts.succeeded(manager, account.person.personId, used.step);
        await this.sessions.end(manager, pending.sessionId, 'second_factor_passed');
        const login = await this.sessions.open(manager, account.person, 'active');
        const actor = personActor(account.person, command.correlationId);
        if (used.recoveryCode) {
          await this.audit.record(manager, {
            action: 'person.recovery-code-used',
            objectType: 'person',
            objectId: account.person.personId,
            actor,
            details: { recoveryCodesLeft: used.left ?? null },
          });
        }
        await this.audit.record(manager, {
          action: 'person.logged-in',
          objectType: 'person',
          objectId: account.person.personId,
          actor,
          details: { method: 'password', secondFactor: used.recoveryCode ? 'recovery-code' : 'totp' },
        });
        return { login };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.login;
  }

  private async check(
    manager: EntityManager,
    account: AccountRow,
    code: string,
  ): Promise<{ step?: number; recoveryCode: boolean; left?: number } | null> {
    if (this.secondFactor.isRecoveryCodeShape(code)) {
      const spent = await execute(
        manager,
        sql`UPDATE recovery_codes SET used_at = ${this.clock.now()}
             WHERE person_id = ${account.person.personId} AND code_hash = ${this.secondFactor.recoveryCodeHash(code)} AND used_at IS NULL`,
      );
      if (spent === 0) return null;
      const [{ n }] = await rows<{ n: number }>(
        manager,
        sql`SELECT count(*)::int AS n FROM recovery_codes WHERE person_id = ${account.person.personId} AND used_at IS NULL`,
      );
      return { recoveryCode: true, left: n };
    }
    const step = this.secondFactor.checkTotp(
      this.secondFactor.unseal(account.sealedSecret),
      code,
      account.lastStep,
      this.clock.now(),
    );
    return step === null ? null : { step, recoveryCode: false };
  }
}
