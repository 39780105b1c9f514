import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
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
  ValidateIf,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Keys whose values are secrets: never logged, never printed, never echoed in errors. */
export const SECRET_KEYS = [
  'DATABASE_URL',
  'REDIS_URL',
  'VIR_PSEUDONYM_KEY',
  'VIR_PSEUDONYM_PREVIOUS_KEYS',
  'VIR_BOOTSTRAP_ADMIN_KEY',
  'VIR_AUDIT_KEY',
  'SMTP_URL',
  'METRICS_TOKEN',
  'BRP_API_KEY',
  'BRP_CLIENT_SECRET',
] as const;

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' || value === '' ? false : value;

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const TOGETHER = 'set BRP_TOKEN_URL (a URL), BRP_CLIENT_ID and BRP_CLIENT_SECRET together';
const usesBrpClientCredentials = (c: AppConfig) =>
  c.BRP_TOKEN_URL !== undefined || c.BRP_CLIENT_ID !== undefined || c.BRP_CLIENT_SECRET !== undefined;

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

  /** Port of the portal, the pages where people log in as themselves (its own process, beside the api). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORTAL_PORT = 3002;

  /** The portal's address as people reach it; invitation links and e-mails point here. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'PORTAL_URL must be an http(s) URL' },
  )
  @MaxLength(255)
  PORTAL_URL = 'http://localhost:3002';

  /**
   * A CSS file of the deployment's theme (NL Design System design tokens: colours, fonts, the logo
   * as a background image), served after the default tokens so that it overrides them.
   */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  PORTAL_THEME_CSS?: string;

  /** A portal session ends after this many minutes without a request (Jw: least exposure; BIO 9.4). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(240)
  SESSION_IDLE_MINUTES = 15;

  /** A portal session ends this many hours after login, however active. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  SESSION_ABSOLUTE_HOURS = 10;

  /** Failed logins (password or code) in a row before an account is locked. */
  @Type(() => Number)
  @IsInt()
  @Min(3)
  @Max(20)
  LOGIN_MAX_FAILURES = 5;

  /** How long a locked account stays locked. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCKOUT_MINUTES = 15;

  /** Failed logins per client address per 15 minutes before that address is refused for the rest of the window. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(10_000)
  LOGIN_FAILURES_PER_SOURCE = 50;

  /** Development and tests only: an organisation's identity provider may be reached over plain http. */
  @Transform(toBoolean)
  @IsBoolean()
  OIDC_ALLOW_HTTP = false;

  /** Months after which a person's contact details, not confirmed since, are shown to the coordinator to check. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  CONTACT_DETAILS_STALE_MONTHS = 12;

  /** Days an invitation link stays valid. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  INVITATION_VALID_DAYS = 7;

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

  /** How long (ms) a process waits for a new PostgreSQL connection before the request fails with 503. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 3000;

  /**
   * The least-privilege role api and worker connect as. When set, `migrate` (run as the schema owner)
   * grants it what the processes need and nothing more: no DDL, and only SELECT and INSERT on the audit log.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'DATABASE_APP_ROLE must be a plain PostgreSQL role name (lower case, digits, _)',
  })
  DATABASE_APP_ROLE?: string;

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
  @Matches(/^\d{1,5}:[^;]{32,512}(;\d{1,5}:[^;]{32,512})*$/, {
    message: 'VIR_PSEUDONYM_PREVIOUS_KEYS must be version:key pairs separated by ";", each key at least 32 characters',
  })
  VIR_PSEUDONYM_PREVIOUS_KEYS?: string;

  /** When set, a gemeente-administrator credential with exactly this secret exists after start. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'VIR_BOOTSTRAP_ADMIN_KEY must be at least 24 characters' })
  @MaxLength(256)
  VIR_BOOTSTRAP_ADMIN_KEY?: string;

  /**
   * Key of the audit log's hash chain (HMAC-SHA-256). It must not be stored in the database, so that
   * whoever can write the database still cannot forge or re-seal the chain. Required by the worker
   * (which seals) and by `audit verify`.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'VIR_AUDIT_KEY must be at least 32 characters of secret randomness' })
  @MaxLength(512)
  VIR_AUDIT_KEY?: string;

  /**
   * Append-only file to which the worker writes the chain's signed head (position, hash) after it
   * sealed; `audit verify` checks the chain against every head in it, so a cut or rewritten tail is
   * found. Keep it outside the database host (or ship it off, e.g. to WORM storage).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  AUDIT_ANCHOR_FILE?: string;

  /** How often (ms) at most the worker appends a signed head to AUDIT_ANCHOR_FILE. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  AUDIT_ANCHOR_INTERVAL_MS = 60_000;

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

  /** A request must arrive whole (headers and body) within this many ms. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** The request headers must arrive within this many ms of connecting (slow clients are cut off). */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(120_000)
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** An idle keep-alive connection is closed after this many ms. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;

  /** Open connections one api process accepts; more are refused until some close. */
  @Type(() => Number)
  @IsInt()
  @Min(16)
  @Max(100_000)
  HTTP_MAX_CONNECTIONS = 2048;

  /** Failed authentications per client address per minute before that address gets 429 for the rest of the minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  AUTH_FAILURES_PER_MINUTE = 30;

  /** When set, `/metrics` answers only `Authorization: Bearer <token>`; unset, it is open (block it at the proxy). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  METRICS_TOKEN?: string;

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

  /** How often the worker mails professionals whose information task passed its due date or re-check day. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  INFORMATION_REMINDER_INTERVAL_MS = 3_600_000;

  /** How often the worker looks whether a daily signal digest is due. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  SIGNAL_DIGEST_INTERVAL_MS = 900_000;

  /** The hour (0–23, Amsterdam) from which the day's signal digest goes out, with the signals made before it. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  SIGNAL_DIGEST_HOUR = 7;

  /**
   * The gemeente's BRP gateway: the base URL of the Haal Centraal BRP Personen API v2 (…/personen is
   * posted to it), e.g. https://brp-gateway.venlo.example/haalcentraal/api/brp. Unset: no BRP.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  BRP_URL?: string;

  /**
   * Base URL of the gemeente's Haal Centraal BRP Update API (volgindicaties, wijzigingen), with the
   * same authentication as BRP_URL; unset: moves and deaths are found by asking the Personen API
   * again about every followed youth in turn (BRP_REQUERY_BATCH each BRP_CHANGES_INTERVAL_MS).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  BRP_UPDATE_URL?: string;

  /** How often (ms) the worker sets and ends volgindicaties and looks for moves and deaths. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(86_400_000)
  BRP_CHANGES_INTERVAL_MS = 60_000;

  /** Without an Update API: how many followed youths are asked about again each BRP_CHANGES_INTERVAL_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  BRP_REQUERY_BATCH = 200;

  /** The gateway's API key, sent in BRP_API_KEY_HEADER (unless OAuth2 client credentials are set). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  BRP_API_KEY?: string;

  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'BRP_API_KEY_HEADER must be an HTTP header name' })
  BRP_API_KEY_HEADER = 'X-API-KEY';

  /** OAuth2 client credentials for the gateway: the token endpoint, client id and secret (all three or none). */
  @Transform(emptyToUndefined)
  @ValidateIf(usesBrpClientCredentials)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: TOGETHER })
  BRP_TOKEN_URL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf(usesBrpClientCredentials)
  @IsString({ message: TOGETHER })
  @MaxLength(200)
  BRP_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf(usesBrpClientCredentials)
  @IsString({ message: TOGETHER })
  @MaxLength(500)
  BRP_CLIENT_SECRET?: string;

  /** Time allowed for one BRP request, including the answer. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  BRP_TIMEOUT_MS = 5_000;

  /** Retries of a BRP request that failed for a transient reason (network, timeout, 429, 5xx). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  BRP_RETRIES = 2;

  /** Consecutive failed requests after which the BRP is considered down (the breaker opens). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  BRP_BREAKER_FAILURES = 5;

  /** How long an open breaker refuses requests before one is tried again. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  BRP_BREAKER_RESET_MS = 30_000;

  /**
   * How often (ms) the worker asks the BRP again about registrations accepted while it did not
   * answer; also the first wait of a registration that failed again (doubling up to an hour).
   */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  BRP_VERIFY_INTERVAL_MS = 30_000;

  /** SMTP server for signal e-mail, e.g. smtp://user:pass@smtp.example.test:587; unset disables e-mail. */
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

  /**
   * Development and tests only: lets webhooks use http and reach loopback and private addresses.
   * Off by default in every environment: a webhook must be a public https URL unless this is set.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** Attempts of a job before it fails (match, lifecycle and notification jobs). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  JOB_ATTEMPTS = 8;

  /** First retry delay (ms) of a failed job; each later retry waits twice as long. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(600_000)
  JOB_BACKOFF_MS = 500;

  /** How often (ms) the worker checks that Redis still holds its queues (an empty Redis is reconciled at once). */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  @Max(600_000)
  REDIS_CHECK_INTERVAL_MS = 5_000;

  /** Days a closed match is kept (with its participants and signals) before it is destroyed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  CLOSED_MATCH_RETENTION_DAYS = 90;

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
