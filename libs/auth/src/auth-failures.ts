import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { Metrics } from '@vir/observability';
import type { Counter } from 'prom-client';

const WINDOW_MS = 60_000;
/** Failures per address and window that are logged one by one; after that one line says the address is throttled. */
const LOGGED_PER_WINDOW = 3;

export type AuthFailureReason = 'missing' | 'malformed' | 'unknown';

/** Told once per address and window when an address is throttled (the api traces it in the audit log). */
export abstract class AuthFailureSink {
  abstract throttled(source: string, failures: number, correlationId: string): Promise<void>;
}

/**
 * Counts failed authentications per client address in one-minute windows (in this process). An
 * address that reaches AUTH_FAILURES_PER_MINUTE gets 429 without its credentials being looked up
 * for the rest of the window. Every failure is counted in `vir_auth_failures_total`; the first few
 * per window are logged with the address, then one line when the address is throttled.
 */
@Injectable()
export class AuthFailures {
  private readonly logger = new Logger('authentication');
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly failures: Counter<'reason'>;
  private readonly throttledTotal: Counter;

  constructor(
    private readonly config: AppConfig,
    metrics: Metrics,
    private readonly sink: AuthFailureSink,
  ) {
    this.failures = metrics.counter(
      'vir_auth_failures_total',
      'Requests refused for a missing, malformed or unknown credential',
      ['reason'],
    );
    this.throttledTotal = metrics.counter(
      'vir_auth_throttled_total',
      'Client addresses throttled after too many failed authentications',
    );
  }

  /** Seconds until `source` may try again, or 0 when it is not throttled. */
  retryAfter(source: string, now = Date.now()): number {
    const window = this.windows.get(source);
    if (!window || now - window.start >= WINDOW_MS || window.count < this.config.AUTH_FAILURES_PER_MINUTE) return 0;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  record(
    source: string,
    reason: AuthFailureReason,
    context: { route: string; correlationId: string },
    now = Date.now(),
  ): void {
    this.failures.inc({ reason });
    let window = this.windows.get(source);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(source, window);
    }
    window.count += 1;
    if (window.count <= LOGGED_PER_WINDOW) {
      this.logger.warn(
        {
          source,
          reason,
          route: context.route,
          correlationId: context.correlationId,
          failuresThisMinute: window.count,
        },
        'authentication failed',
      );
    }
    if (window.count === this.config.AUTH_FAILURES_PER_MINUTE) {
      this.throttledTotal.inc();
      this.logger.warn(
        { source, failures: window.count, correlationId: context.correlationId },
        'client address throttled after failed authentications',
      );
      this.sink.throttled(source, window.count, context.correlationId).catch((error: Error) => {
        this.logger.error({ err: { name: error.name } }, 'could not trace a throttled client address');
      });
    }
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
