import { Injectable, Logger } from '@nestjs/common';
import type { AuditEventInput } from '@vir/audit';
import { AuditLog } from '@vir/audit';
import { AppConfig } from '@vir/config';
import { databaseNow, rows, sql } from '@vir/database';
import { isPermanentMailFailure, Mailer } from '@vir/mail';
import { professionalFacts, webhookTargets } from '@vir/organisations';
import { Metrics } from '@vir/observability';
import type { Counter } from 'prom-client';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { signalMail } from './signal-mail';
import { attemptWebhook } from './webhook-attempt';
import { WebhookClient } from './webhook-client';
import type { Attempt } from './webhook-event';

export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-event';

type Channel = 'email' | 'webhook';

interface SignalTarget {
  id: string;
  kind: string;
  match_kind: string | null;
  email: string;
  /** False once the recipient left the organisation: no e-mail goes to a leaver's mailbox. */
  recipient_active: boolean;
  /** Received as a stand-in (vervanger) for a colleague. */
  stand_in: boolean;
  organisation_id: string;
  municipality_code: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  first_attempt_at: Date | null;
}

interface Outcome {
  signal_id: string;
  municipality_code: string;
  status: 'delivered' | 'failed' | 'dead';
  response: string;
  error: string | null;
}

/** How many attempts of one batch run at once, per channel (SMTP connections are costlier than HTTP requests). */
const PARALLEL: Record<Channel, number> = { email: 4, webhook: 64 };

/**
 * Delivers signals outside the inbox: an e-mail to the recipient (when SMTP is configured) and a
 * CloudEvent to the recipient organisation's webhook (when it has one). A job carries the signals
 * one statement created; they are attempted together and their outcomes recorded in one statement.
 * Every attempt is recorded in signal_deliveries; a channel that reached "delivered" or "dead" is
 * never tried again, so a retried batch only retries what is still open.
 */
@Injectable()
export class SignalDeliveryService {
  private readonly logger = new Logger(SignalDeliveryService.name);
  private readonly attempts: Counter<'channel' | 'outcome'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly webhooks: WebhookClient,
    metrics: Metrics,
  ) {
    this.attempts = metrics.counter(
      'vir_signal_delivery_attempts_total',
      'E-mail and webhook delivery attempts by outcome (delivered, failed: retried, dead: given up)',
      ['channel', 'outcome'],
    );
    metrics.gauge(
      'vir_signal_deliveries_dead',
      'Deliveries given up after retrying (dead letters), all organisations',
      [],
      async (gauge) => {
        const [row]: { n: number }[] = await this.dataSource.query(
          `SELECT count(*)::int AS n FROM signal_deliveries WHERE status = 'dead'`,
        );
        gauge.set(row?.n ?? 0);
      },
    );
  }

  /**
   * Attempts every open delivery of `signalIds` on `channel`. Throws when some must be retried
   * (BullMQ's backoff applies to the batch), or an UnrecoverableError when some were given up.
   */
  async deliver(channel: Channel, signalIds: string[], job: Job): Promise<string> {
    const targets = await this.openTargets(signalIds, channel);
    if (targets.length === 0) return 'already-finished';
    const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcomes = await mapLimited(targets, PARALLEL[channel], async (target): Promise<Outcome> => {
      const attempt = channel === 'email' ? await this.sendEmail(target) : await this.postWebhook(target);
      if (attempt.ok)
        return {
          signal_id: target.id,
          municipality_code: target.municipality_code,
          status: 'delivered',
          response: attempt.response,
          error: null,
        };
      const final = attempt.permanent || (channel === 'email' ? lastTry : this.retryWindowClosed(target));
      this.logger.warn({ signalId: target.id, channel, reason: attempt.reason, final }, 'signal delivery failed');
      return {
        signal_id: target.id,
        municipality_code: target.municipality_code,
        status: final ? 'dead' : 'failed',
        response: attempt.reason,
        error: attempt.reason,
      };
    });
    await this.record(channel, outcomes);
    for (const outcome of outcomes) this.attempts.inc({ channel, outcome: outcome.status });

    const retry = outcomes.filter((o) => o.status === 'failed');
    const dead = outcomes.filter((o) => o.status === 'dead');
    if (retry.length > 0)
      throw new Error(
        `${channel} delivery failed for ${retry.length} of ${outcomes.length} signals: ${retry[0].error}`,
      );
    if (dead.length > 0)
      throw new UnrecoverableError(
        `${channel} delivery given up for ${dead.length} of ${outcomes.length} signals: ${dead[0].error}`,
      );
    return 'delivered';
  }

  private async sendEmail(target: SignalTarget): Promise<Attempt> {
    if (!target.recipient_active) return { ok: false, reason: 'recipient no longer designated', permanent: true };
    const mail = signalMail(
      { id: target.id, kind: target.kind, matchKind: target.match_kind, standIn: target.stand_in },
      this.config.PORTAL_URL,
    );
    try {
      await this.mailer.send({
        to: target.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // One message id per signal, so a resend after a crash is recognisable as the same message.
        messageId: `<signal-${target.id}@verwijsindex>`,
      });
      return { ok: true, response: 'smtp 250' };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      return { ok: false, reason: `smtp ${code ?? (error as Error).name}`, permanent: isPermanentMailFailure(error) };
    }
  }

  private async postWebhook(target: SignalTarget): Promise<Attempt> {
    if (!target.webhook_url || !target.webhook_secret) return { ok: false, reason: 'webhook removed', permanent: true };
    return attemptWebhook(
      this.webhooks,
      this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      { url: target.webhook_url, secret: target.webhook_secret },
      {
        id: target.id,
        source: `${this.config.VIR_PUBLIC_URL}/v1`,
        type: 'nl.verwijsindex.signal-created',
        data: { signalId: target.id, kind: target.kind, matchKind: target.match_kind },
      },
    );
  }

  private retryWindowClosed(target: SignalTarget): boolean {
    return (
      !!target.first_attempt_at &&
      Date.now() - new Date(target.first_attempt_at).getTime() >= this.config.WEBHOOK_RETRY_WINDOW_MS
    );
  }

  /**
   * The signals with their recipient and webhook whose delivery on `channel` is still open. The plan
   * walks the key array and looks each key up by primary key, whatever the statistics say.
   */
  private async openTargets(signalIds: string[], channel: Channel): Promise<SignalTarget[]> {
    return rows<SignalTarget>(
      this.dataSource,
      sql`SELECT s.id, s.kind, coalesce(s.match_kind, CASE WHEN s.match_id IS NOT NULL THEN 'same_youth' END) AS match_kind, p.email, p.active AS recipient_active, s.on_behalf_of_professional_id IS NOT NULL AS stand_in, o.id AS organisation_id, o.municipality_code, o.webhook_url, o.webhook_secret, d.first_attempt_at
         FROM unnest(${signalIds}::uuid[]) AS k(id)
         JOIN signal_deliveries d ON d.signal_id = k.id AND d.channel = ${channel}
         JOIN signals s ON s.id = k.id
         JOIN ${professionalFacts()} p ON p.id = s.recipient_professional_id
         JOIN ${webhookTargets()} o ON o.id = s.recipient_organisation_id
        WHERE d.status IN ('pending', 'failed')
        ORDER BY s.id`,
    );
  }

  /**
   * Every outcome in one statement, with an audit event for each delivery given up. A delivered one
   * is not audited again: the recipient's receipt was traced when the signal was created (inbox), a
   * case system that fetches the signal is traced as a read, and the delivery record keeps the
   * channel, time and answer. (At 500 registrations a second that is 950 audit events and chain
   * links a second fewer.)
   */
  private async record(channel: Channel, outcomes: Outcome[]): Promise<void> {
    const events: AuditEventInput[] = outcomes
      .filter((o) => o.status === 'dead')
      .map((o): AuditEventInput => ({
        action: 'signal.delivery-dead',
        objectType: 'signal',
        objectId: o.signal_id,
        actor: {},
        municipalityCode: o.municipality_code,
        details: { channel, reason: String(o.error).slice(0, 100) },
      }));
    const reported = outcomes.map(({ municipality_code: _college, ...outcome }) => outcome);
    const audited = events.length > 0 ? sql`, audited AS (${this.audit.manyCte(events)})` : sql``;
    await rows(
      this.dataSource,
      sql`WITH outcome AS (
         SELECT * FROM jsonb_to_recordset(${JSON.stringify(reported)}::jsonb) AS o(signal_id uuid, status text, response text, error text)
       ), updated AS (
         UPDATE signal_deliveries d
            SET status = o.status, attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, ${databaseNow}), last_attempt_at = ${databaseNow},
                delivered_at = CASE WHEN o.status = 'delivered' THEN ${databaseNow} ELSE d.delivered_at END,
                last_response = left(o.response, 16), last_error = left(o.error, 300)
           FROM outcome o
          WHERE d.signal_id = o.signal_id AND d.channel = ${channel}
            -- Also by key array, so the planner reaches the rows through the primary key rather
            -- than joining the whole table to a record set it cannot estimate.
            AND d.signal_id = ANY(${outcomes.map((o) => o.signal_id)}::uuid[])
       )${audited}
       SELECT 1`,
    );
  }
}

/** Runs `work` over `items` with at most `limit` at a time; results in the order of `items`. */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
