import { createHmac } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { AppConfig } from '@vir/config';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { isPermanentMailFailure, Mailer } from './mailer';
import { signalMail } from './signal-mail';
import { webhookTargetProblem } from '@vir/common';

export const SIGNATURE_HEADER = 'X-Verwijsindex-Signature';
export const TIMESTAMP_HEADER = 'X-Verwijsindex-Timestamp';

type Channel = 'email' | 'webhook';

interface SignalTarget {
  id: string;
  kind: string;
  email: string;
  organisation_id: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  finished: boolean;
}

/**
 * Delivers signals outside the inbox: an e-mail to the recipient (when SMTP is configured) and a
 * CloudEvent to the recipient organisation's webhook (when it has one). Every attempt is recorded
 * in signal_deliveries; a channel that reached "delivered" or "dead" is never tried again.
 */
@Injectable()
export class SignalDeliveryService {
  private readonly logger = new Logger(SignalDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly mailer: Mailer,
  ) {}

  async email(signalId: string, job: Job): Promise<string> {
    const target = await this.target(signalId, 'email');
    if (target.finished) return 'already-finished';
    const mail = signalMail(target, this.config.VIR_PUBLIC_URL);
    try {
      await this.mailer.send({
        to: target.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // One message id per signal, so a resend after a crash is recognisable as the same message.
        messageId: `<signal-${signalId}@verwijsindex>`,
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const permanent = isPermanentMailFailure(error);
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.failed(signalId, 'email', `smtp ${code ?? (error as Error).name}`, permanent || lastTry);
      if (permanent) throw new UnrecoverableError(`recipient refused by the mail server (${code})`);
      throw error;
    }
    await this.delivered(signalId, 'email', 'smtp 250');
    return 'delivered';
  }

  async webhook(signalId: string): Promise<string> {
    const target = await this.target(signalId, 'webhook');
    if (target.finished) return 'already-finished';
    if (!target.webhook_url || !target.webhook_secret) {
      await this.failed(signalId, 'webhook', 'webhook removed', true);
      throw new UnrecoverableError('the organisation no longer has a webhook');
    }
    const problem = await webhookTargetProblem(target.webhook_url, this.config.isProduction);
    let failure: string | undefined = problem ? `refused: ${problem}` : undefined;
    let response = '';
    if (!failure) {
      const body = JSON.stringify({
        specversion: '1.0',
        id: signalId,
        source: `${this.config.VIR_PUBLIC_URL}/v1`,
        type: 'nl.verwijsindex.signal-created',
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data: { signalId },
      });
      const timestamp = Math.floor(Date.now() / 1000).toString();
      const signature = createHmac('sha256', target.webhook_secret).update(`${timestamp}.${body}`).digest('hex');
      try {
        const answer = await fetch(target.webhook_url, {
          method: 'POST',
          headers: { 'content-type': 'application/cloudevents+json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `sha256=${signature}` },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(10_000),
        });
        response = `http ${answer.status}`;
        if (!answer.ok) failure = response;
      } catch (error) {
        failure = `network ${(error as Error).name}`;
      }
    }
    if (!failure) {
      await this.delivered(signalId, 'webhook', response);
      return 'delivered';
    }
    const [row]: { first: Date | null }[] = await this.dataSource.query(
      `SELECT first_attempt_at AS first FROM signal_deliveries WHERE signal_id = $1 AND channel = 'webhook'`,
      [signalId],
    );
    const expired = !!row?.first && Date.now() - new Date(row.first).getTime() >= this.config.WEBHOOK_RETRY_WINDOW_MS;
    await this.failed(signalId, 'webhook', failure, expired);
    if (expired) throw new UnrecoverableError(`webhook dead-lettered after retrying: ${failure}`);
    throw new Error(`webhook delivery failed: ${failure}`);
  }

  /** The signal, where it goes, and whether this channel already reached delivered or dead (then never again). */
  private async target(signalId: string, channel: Channel): Promise<SignalTarget> {
    const [target]: SignalTarget[] = await this.dataSource.query(
      `SELECT s.id, s.kind, p.email, o.id AS organisation_id, o.webhook_url, o.webhook_secret,
              coalesce(d.status IN ('delivered', 'dead'), false) AS finished
         FROM signals s JOIN professionals p ON p.id = s.recipient_professional_id JOIN organisations o ON o.id = s.recipient_organisation_id
         LEFT JOIN signal_deliveries d ON d.signal_id = s.id AND d.channel = $2
        WHERE s.id = $1`,
      [signalId, channel],
    );
    if (!target) throw new UnrecoverableError(`signal ${signalId} does not exist`);
    return target;
  }

  /** Records the delivery and its audit event in one statement. */
  private async delivered(signalId: string, channel: Channel, response: string): Promise<void> {
    const audit = this.audit.cte({ action: 'signal.delivered', objectType: 'signal', actor: {}, details: { channel } }, 'updated', 4);
    await this.dataSource.query(
      `WITH updated AS (
         UPDATE signal_deliveries SET status = 'delivered', attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()),
                last_attempt_at = now(), delivered_at = now(), last_response = $3, last_error = NULL
          WHERE signal_id = $1 AND channel = $2 RETURNING signal_id AS object_id
       ), audited AS (${audit.sql})
       SELECT 1`,
      [signalId, channel, response.slice(0, 16), ...audit.params],
    );
  }

  private async failed(signalId: string, channel: Channel, reason: string, final: boolean): Promise<void> {
    this.logger.warn({ signalId, channel, reason, final }, 'signal delivery failed');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE signal_deliveries SET status = $3, attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()),
                last_attempt_at = now(), last_error = $4, last_response = $5
          WHERE signal_id = $1 AND channel = $2`,
        [signalId, channel, final ? 'dead' : 'failed', reason.slice(0, 300), reason.slice(0, 16)],
      );
      if (final) {
        await this.audit.record(manager, { action: 'signal.delivery-dead', objectType: 'signal', objectId: signalId, actor: {}, details: { channel, reason: reason.slice(0, 100) } });
      }
    });
  }
}
