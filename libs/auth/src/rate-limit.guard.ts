import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { AppError } from '@vir/common';
import type { FastifyReply } from 'fastify';
import type { Principal } from './principal';

const WINDOW_MS = 60_000;

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      429,
      'Too many requests',
      `This credential reached its limit of requests per minute; retry after ${retryAfterSeconds} s.`,
    );
  }
}

/**
 * Requests per minute per credential (not per IP: many case systems sit behind one gateway),
 * in fixed one-minute windows held in this process's memory. With several api replicas behind a
 * load balancer the effective limit is the limit times the number of replicas.
 */
@Injectable()
export class CredentialRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ principal?: Principal; ip?: string }>();
    const key = request.principal
      ? (request.principal.credentialId ?? `person-${request.principal.person?.id}`)
      : `ip-${request.ip}`;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 100_000) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('RateLimit-Limit', String(limit));
    reply.header('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
      reply.header('Retry-After', String(retryAfter));
      throw new RateLimitedError(retryAfter);
    }
    return true;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
