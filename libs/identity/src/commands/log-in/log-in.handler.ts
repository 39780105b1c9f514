import { hash, verify } from '@node-rs/argon2';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { lockedAccount } from '../../account-lookup';
import { LoginThrottledError } from '../../identity-errors';
import { LoginAttempts } from '../../login-attempts';
import { LoginThrottle } from '../../login-throttle';
import { SessionStore } from '../../session-store';
import { LogInCommand, PendingLogin } from './log-in.command';

/** Verified against when no account has the address, so an unknown address takes as long as a known one. */
let noAccountHash: Promise<string> | undefined;
const NO_ACCOUNT_HASH = () => (noAccountHash ??= hash('no account has this address'));

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand, PendingLogin> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly attempts: LoginAttempts,
    private readonly sessions: SessionStore,
  ) {}

  async execute(command: LogInCommand): Promise<PendingLogin> {
    const wait = this.throttle.retryAfter(command.source);
    if (wait > 0) throw new LoginThrottledError(wait);
    const outcome = await this.dataSource.transaction(
      async (manager): Promise<{ pending: PendingLogin } | { error: Error }> => {
        const account = await lockedAccount(manager, { email: command.email.trim() });
        if (account) this.attempts.refuseIfLocked(account);
        const password = command.password.slice(0, 256);
        const right = account
          ? await verify(account.passwordHash, password)
          : (await verify(await NO_ACCOUNT_HASH(), password), false);
        if (!account || !right || !account.person.standing) {
          return {
            error: await this.attempts.failed(manager, account?.person.standing ? account : null, 'password', command),
          };
        }
        return { pending: await this.sessions.open(manager, account.person, 'second_factor') };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.pending;
  }
}
