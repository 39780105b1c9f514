import type { AppConfig } from '@vir/config';
import type { JobsOptions } from 'bullmq';
import type { OutboxPayload, OutboxTopic } from './outbox-writer';

export const QUEUES = {
  matching: 'matching',
  lifecycle: 'lifecycle',
  delivery: 'delivery',
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface Route {
  queue: QueueName;
  /** The job name the queue's processor handles. */
  job: string;
  /** Deterministic job id (no `:`), so a relay retry or a reconciliation sweep never adds a second job. */
  jobId: (payload: OutboxPayload) => string;
  /** Retry policy when it differs from the default (JOB_ATTEMPTS, JOB_BACKOFF_MS). */
  options?: JobsOptions;
}

/** Backoff type of webhook jobs; the delivery processor computes its delays. */
export const WEBHOOK_BACKOFF = 'webhook';

const byEntity = (prefix: string, key: string) => (payload: OutboxPayload) => `${prefix}-${String(payload[key])}`;
/** A batch is named after its first signal: each signal is created once, so no two batches share it. */
const byFirstSignal = (prefix: string) => (payload: OutboxPayload) =>
  `${prefix}-${String((payload.signalIds as string[])[0])}`;

const EMAIL_RETRIES: JobsOptions = { attempts: 8, backoff: { type: 'exponential', delay: 2000 } };
// Retried until WEBHOOK_RETRY_WINDOW_MS has passed; the attempt count is only a ceiling.
const WEBHOOK_RETRIES: JobsOptions = { attempts: 1000, backoff: { type: WEBHOOK_BACKOFF } };

/** Where each outbox topic goes. The worker refuses to start when one of these has no handler. */
export const ROUTES: Record<OutboxTopic, Route> = {
  'registration.created': {
    queue: QUEUES.matching,
    job: 'registration-created',
    // `round`: matching once more after the youth moved to another address (a new job, not the first one's id).
    jobId: (payload) =>
      `registration-created-${String(payload.registrationId)}${payload.round ? `-${String(payload.round)}` : ''}`,
  },
  'registration.removed': {
    queue: QUEUES.matching,
    job: 'registration-removed',
    jobId: byEntity('registration-removed', 'registrationId'),
  },
  'organisation.disconnected': {
    queue: QUEUES.lifecycle,
    job: 'organisation-disconnected',
    jobId: byEntity('organisation-disconnected', 'organisationId'),
  },
  'follow-up-officer.designated': {
    queue: QUEUES.matching,
    job: 'follow-up-officer-designated',
    jobId: byEntity('follow-up-officer-designated', 'professionalId'),
  },
  'signals.email': {
    queue: QUEUES.delivery,
    job: 'deliver-emails',
    jobId: byFirstSignal('deliver-emails'),
    options: EMAIL_RETRIES,
  },
  'incident.notification': {
    queue: QUEUES.notifications,
    job: 'notify-incident',
    jobId: (payload) =>
      `notify-incident-${String(payload.incidentId)}-${String(payload.organisationId)}${payload.round ? `-${Number(payload.round)}` : ''}`,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 5000 } },
  },
  'signals.webhook': {
    queue: QUEUES.delivery,
    job: 'deliver-webhooks',
    jobId: byFirstSignal('deliver-webhooks'),
    options: WEBHOOK_RETRIES,
  },
};

/** Job data: the outbox payload (ids only) plus the correlation id of the request that caused it. */
export type JobData = OutboxPayload & { correlationId?: string | null };

/**
 * Transient failures are retried JOB_ATTEMPTS times with exponential backoff from JOB_BACKOFF_MS;
 * completed jobs are kept an hour so that a re-published event with the same id is recognised;
 * failed jobs stay 30 days for inspection. A route's own retry policy comes on top.
 */
export function jobOptions(
  config: Pick<AppConfig, 'JOB_ATTEMPTS' | 'JOB_BACKOFF_MS'>,
  route?: Pick<Route, 'options'>,
): JobsOptions {
  return {
    attempts: config.JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS },
    removeOnComplete: { age: 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
    ...route?.options,
  };
}
