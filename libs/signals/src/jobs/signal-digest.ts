import { Injectable, Logger } from '@nestjs/common';
import { amsterdamLocalToIso, Clock, addDays, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { databaseNow, rows, sql } from '@vir/database';
import { Mailer } from '@vir/mail';
import { signalDigestRecipients } from '@vir/organisations';
import { ScheduledWorker } from '@vir/queue';
import { DataSource } from 'typeorm';
import { digestMail } from '../signal-mail';

/** How far back a digest looks for signals it has not mailed yet. */
const DIGEST_LOOKBACK_DAYS = 14;

/**
 * The last moment at or before `now` at which it was `hour`:00 in Amsterdam: the day's digest takes
 * the signals made before it.
 */
export function digestCutoff(now: Date, hour: number): Date {
  const today = todayInAmsterdam(now);
  const at = (day: string) => new Date(amsterdamLocalToIso(`${day}T${String(hour).padStart(2, '0')}:00`) as string);
  const todays = at(today);
  return todays.getTime() <= now.getTime() ? todays : at(addDays(today, -1));
}

/**
 * Once a day from SIGNAL_DIGEST_HOUR, mails each person who takes the digest one e-mail with the
 * signals they received before that hour and were not mailed yet, and records it as those signals'
 * e-mail delivery. Per person the signals are locked, the mail is sent and the deliveries written in
 * one transaction: a mail that fails leaves them for the next run, two workers never mail them twice.
 */
@Injectable()
export class SignalDigest extends ScheduledWorker {
  private readonly logger = new Logger(SignalDigest.name);
  readonly schedules = { 'signal-digest': () => this.run() };

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<{ people: number; signals: number }> {
    if (!this.mailer.enabled) return { people: 0, signals: 0 };
    const cutoff = digestCutoff(this.clock.now(), this.config.SIGNAL_DIGEST_HOUR);
    const since = new Date(cutoff.getTime() - DIGEST_LOOKBACK_DAYS * 86_400_000);
    const waiting = sql`s.recipient_organisation_id = p.organisation_id AND s.recipient_professional_id = p.id
        AND s.created_at >= ${since.toISOString()} AND s.created_at < ${cutoff.toISOString()}
        AND NOT EXISTS (SELECT 1 FROM signal_deliveries d WHERE d.signal_id = s.id AND d.channel = 'email')`;
    const people = await rows<{ id: string }>(
      this.dataSource,
      sql`SELECT p.id FROM ${signalDigestRecipients()} p
           WHERE EXISTS (SELECT 1 FROM signals s WHERE ${waiting}) LIMIT 1000`,
    );
    let signals = 0;
    for (const { id } of people) {
      signals += await this.dataSource.transaction(async (manager) => {
        const locked = await rows<{
          id: string;
          kind: string;
          stand_in: boolean;
          organisation_id: string;
          name: string;
          email: string;
        }>(
          manager,
          sql`SELECT s.id, s.kind, s.on_behalf_of_professional_id IS NOT NULL AS stand_in, s.recipient_organisation_id AS organisation_id,
                     p.name, p.email
                FROM signals s JOIN ${signalDigestRecipients()} p ON p.id = ${id}
               WHERE ${waiting}
               ORDER BY s.created_at, s.id FOR UPDATE OF s SKIP LOCKED`,
        );
        if (locked.length === 0) return 0;
        await this.mailer.send(
          digestMail(
            locked[0],
            locked.map((s) => ({ id: s.id, kind: s.kind, standIn: s.stand_in })),
            this.config.PORTAL_URL,
          ),
        );
        await rows(
          manager,
          sql`INSERT INTO signal_deliveries (signal_id, channel, status, attempts, first_attempt_at, last_attempt_at, delivered_at, organisation_id)
              SELECT unnest(${locked.map((s) => s.id)}::uuid[]), 'email', 'delivered', 1, ${databaseNow}, ${databaseNow}, ${databaseNow},
                     ${locked[0].organisation_id}::uuid
              ON CONFLICT DO NOTHING`,
        );
        return locked.length;
      });
    }
    if (signals > 0) this.logger.log({ people: people.length, signals }, 'signal digests sent');
    return { people: people.length, signals };
  }
}
