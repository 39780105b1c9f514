import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';

const WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per client address in 15-minute windows (in this process), beside the per-account
 * lockout: an address that tries many accounts is refused for the rest of its window.
 */
@Injectable()
export class LoginThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly config: AppConfig) {}

  retryAfter(source: string, now = Date.now()): number {
    const window = this.windows.get(source);
    if (!window || now - window.start >= WINDOW_MS || window.count < this.config.LOGIN_FAILURES_PER_SOURCE) return 0;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  failed(source: string, now = Date.now()): void {
    const window = this.windows.get(source);
    if (!window || now - window.start >= WINDOW_MS) this.windows.set(source, { start: now, count: 1 });
    else window.count += 1;
    if (this.windows.size > 100_000) this.windows.clear();
  }
}
