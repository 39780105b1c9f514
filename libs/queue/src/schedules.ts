import type { AppConfig } from '@vir/config';

export interface Schedule {
  /** The configuration key that holds the interval in milliseconds. */
  every: keyof AppConfig & `${string}_MS`;
  /** Also run once as the worker starts. */
  immediately: boolean;
  /** What it does (for operators reading the log and the metrics). */
  does: string;
}

/**
 * Every piece of work the worker does on a timer, in one place beside the outbox routes. Each runs in
 * a ScheduledTask (one run at a time; every failure logged by name and counted in
 * `vir_scheduled_task_failures_total`). The worker refuses to start when one has no runner.
 */
export const SCHEDULES = {
  'audit-seal': {
    every: 'AUDIT_SEAL_INTERVAL_MS',
    immediately: false,
    does: 'seals new audit events into the keyed chain and appends the signed head to the anchor file',
  },
  'registration-verify': {
    every: 'BRP_VERIFY_INTERVAL_MS',
    immediately: true,
    does: 'asks the BRP again about registrations accepted while it did not answer: verified ones go to matching, refused ones end and their registrant is signalled',
  },
  'brp-follow': {
    every: 'BRP_CHANGES_INTERVAL_MS',
    immediately: false,
    does: 'sets and ends volgindicaties in the BRP and acts on the moves and deaths of followed youths',
  },
  'match-reconcile': {
    every: 'RECONCILE_INTERVAL_MS',
    immediately: false,
    does: 'queues again the registrations whose match job was lost or failed for good',
  },
  'address-match-close': {
    every: 'RECONCILE_INTERVAL_MS',
    immediately: false,
    does: 'closes the open address matches whose address was excluded, or where fewer than two of their youths still live',
  },
  'redis-epoch-check': {
    every: 'REDIS_CHECK_INTERVAL_MS',
    immediately: true,
    does: 'notices a Redis that came back empty and reconciles at once',
  },
  'follow-up-sweep': {
    every: 'FOLLOW_UP_SWEEP_INTERVAL_MS',
    immediately: false,
    does: 'queues the reminders and escalations of matches whose deadline passed',
  },
  'information-reminders': {
    every: 'INFORMATION_REMINDER_INTERVAL_MS',
    immediately: true,
    does: 'mails each professional whose information task passed its due date or re-check day, once per deadline',
  },
  'signal-digest': {
    every: 'SIGNAL_DIGEST_INTERVAL_MS',
    immediately: true,
    does: 'from SIGNAL_DIGEST_HOUR on, mails each person who takes the daily digest the signals of the day before, once',
  },
  'retention-schedule': {
    every: 'RETENTION_INTERVAL_MS',
    immediately: true,
    does: "queues the day's retention run of registrations, archive entries and tombstones",
  },
  'match-retention': {
    every: 'RETENTION_INTERVAL_MS',
    immediately: true,
    does: 'destroys closed matches, old archive signals and the links of expired tombstones',
  },
  'identity-retention': {
    every: 'RETENTION_INTERVAL_MS',
    immediately: true,
    does: 'deletes ended portal sessions, old invitations and single sign-ons that never came back',
  },
} as const satisfies Record<string, Schedule>;

export type ScheduleName = keyof typeof SCHEDULES;
