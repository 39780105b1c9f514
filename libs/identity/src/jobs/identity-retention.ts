import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { execute, sql } from '@vir/database';
import { ScheduledWorker } from '@vir/queue';
import { DataSource } from 'typeorm';
import { SSO_LOGIN_MINUTES } from '../sso-login-window';

const DAY_MS = 86_400_000;
/** Used or expired invitations are kept this long (a person asking "which link?" can be answered), then go. */
export const INVITATION_RETENTION_DAYS = 30;

export interface IdentityRetentionReport {
  sessions: number;
  invitations: number;
  ssoLogins: number;
}

/**
 * What identity keeps only while it is of use: a session a day after it ended (or lapsed at its
 * absolute timeout without a logout), an invitation INVITATION_RETENTION_DAYS after it was used or
 * expired, a started single sign-on once its ten minutes are over. Who logged in when stays in the
 * audit log. Runs every RETENTION_INTERVAL_MS in the worker; idempotent.
 */
@Injectable()
export class IdentityRetention extends ScheduledWorker {
  readonly schedules = { 'identity-retention': () => this.run() };
  private readonly logger = new Logger(IdentityRetention.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<IdentityRetentionReport> {
    const now = this.clock.now().getTime();
    const aDayAgo = new Date(now - DAY_MS);
    const lapsed = new Date(now - DAY_MS - this.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    const invitationCutoff = new Date(now - INVITATION_RETENTION_DAYS * DAY_MS);
    const report = {
      sessions: await execute(
        this.dataSource,
        sql`DELETE FROM sessions WHERE ended_at < ${aDayAgo} OR (ended_at IS NULL AND created_at < ${lapsed})`,
      ),
      invitations: await execute(
        this.dataSource,
        sql`DELETE FROM invitations WHERE coalesce(used_at, expires_at) < ${invitationCutoff}`,
      ),
      ssoLogins: await execute(
        this.dataSource,
        sql`DELETE FROM sso_logins WHERE created_at < ${new Date(now - SSO_LOGIN_MINUTES * 60_000)}`,
      ),
    };
    if (report.sessions + report.invitations + report.ssoLogins > 0)
      this.logger.log({ ...report }, 'identity retention');
    return report;
  }
}
