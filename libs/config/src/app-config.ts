import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Keys whose values are secrets: never logged, never printed, never echoed in errors. */
export const SECRET_KEYS = ['DATABASE_URL', 'REDIS_URL', 'VIR_PSEUDONYM_KEY', 'VIR_PSEUDONYM_PREVIOUS_KEYS', 'VIR_BOOTSTRAP_ADMIN_KEY', 'SMTP_URL'] as const;

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The whole runtime configuration, read from the environment once at boot.
 * Nothing else in the code base reads process.env.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MaxLength(255)
  HOST = '127.0.0.1';

  /** Port of the worker's health/metrics endpoint; 0 disables it. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 0;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL: string;

  /** HMAC key from which youth keys are derived. Rotating it is described in docs/operations.md. */
  @IsString()
  @MinLength(32, { message: 'VIR_PSEUDONYM_KEY must be at least 32 characters of secret randomness' })
  @MaxLength(512)
  VIR_PSEUDONYM_KEY: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32767)
  VIR_PSEUDONYM_KEY_VERSION = 1;

  /**
   * Earlier pseudonym keys during a rotation, as `version:key` pairs separated by `;`
   * (e.g. `1:old-secret`). Registrations presented again are re-keyed to the current version.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,5}:[^;]{32,512}(;\d{1,5}:[^;]{32,512})*$/, { message: 'VIR_PSEUDONYM_PREVIOUS_KEYS must be version:key pairs separated by ";", each key at least 32 characters' })
  VIR_PSEUDONYM_PREVIOUS_KEYS?: string;

  /** When set, a gemeente-administrator credential with exactly this secret exists after start. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'VIR_BOOTSTRAP_ADMIN_KEY must be at least 24 characters' })
  @MaxLength(256)
  VIR_BOOTSTRAP_ADMIN_KEY?: string;

  /** CBS code of the college that runs this index; the bootstrap administrator belongs to it. */
  @Matches(/^\d{4}$/, { message: 'VIR_MUNICIPALITY_CODE must be a four-digit CBS municipality code' })
  VIR_MUNICIPALITY_CODE = '0983';

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  VIR_MUNICIPALITY_NAME = 'Gemeente Venlo';

  /** Base URL under which people reach this service; used in e-mails and the OpenAPI document. */
  @IsUrl({ require_tld: false, require_protocol: true })
  VIR_PUBLIC_URL = 'http://localhost:3000';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Requests per minute per credential before 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  RATE_LIMIT_PER_MINUTE = 6000;

  /** Default lifetime of a registration in months (the law allows at most 24). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  VIR_DEFAULT_REGISTRATION_MONTHS = 24;

  /** How often (ms) the worker's outbox relay polls PostgreSQL when nothing woke it. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 50;

  /** How long (hours) published outbox events are kept for inspection before the relay deletes them. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  OUTBOX_RETENTION_HOURS = 24;

  /**
   * Match jobs one worker process runs at once. Jobs that run at the same time are matched together
   * in batches (at most this many registrations each), so this is also the largest batch.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  MATCH_CONCURRENCY = 256;

  /** Match transactions (batches) one worker process runs at once; each holds a database connection. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(16)
  MATCH_BATCHES = 2;

  /** Concurrency of e-mail and webhook delivery in one worker process (kept below matching, which comes first). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  DELIVERY_CONCURRENCY = 4;

  /** How often (ms) the worker queues the day's retention run (expiry, 23rd birthdays, archive destruction). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  RETENTION_INTERVAL_MS = 3_600_000;

  /** How often (ms) the worker seals new audit events into the hash chain. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  AUDIT_SEAL_INTERVAL_MS = 2_000;

  /** How often (ms) the worker re-queues registrations whose match job was lost. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  RECONCILE_INTERVAL_MS = 60_000;

  /** How long (ms) a worker holds a job before another worker may take it over as stalled. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  JOB_LOCK_MS = 30_000;

  /** Working days after a match before unconfirmed participants get a reminder (a municipality may set its own). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  FOLLOW_UP_REMINDER_WORKING_DAYS = 5;

  /** Working days after a match before the follow-up officer gets an escalation signal. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  FOLLOW_UP_ESCALATION_WORKING_DAYS = 10;

  /** How often (ms) the worker looks for follow-up deadlines that have passed. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  FOLLOW_UP_SWEEP_INTERVAL_MS = 300_000;

  /** SMTP server for signal e-mail, e.g. smtp://user:pass@mail.example.nl:587; unset disables e-mail. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MaxLength(254)
  SMTP_FROM = 'Verwijsindex <noreply@verwijsindex.example>';

  /** First retry delay of a failed webhook; later retries double it, up to an hour apart. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 5_000;

  /** How long a webhook is retried before it is dead-lettered. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(7 * 24 * 3_600_000)
  WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
