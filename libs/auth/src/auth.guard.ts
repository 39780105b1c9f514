import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@vir/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthFailureReason, AuthFailures } from './auth-failures';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './decorators';
import { Principal, PrincipalResolver } from './principal';
import type { Scope } from './scopes';

/** The scheme is case-insensitive (RFC 9110 § 11.1); the secret is what a credential is issued with. */
const BEARER = /^bearer +([A-Za-z0-9._~+/=-]{16,256}) *$/i;
export const WWW_AUTHENTICATE = 'Bearer realm="verwijsindex"';

export class UnauthenticatedError extends AppError {
  constructor() {
    super(
      'UNAUTHENTICATED',
      401,
      'Authentication required',
      'Send a valid, unrevoked credential as `Authorization: Bearer <secret>`.',
    );
  }
}

export class AuthenticationThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'AUTHENTICATION_THROTTLED',
      429,
      'Too many failed authentications',
      `Too many failed authentications from your address; retry after ${retryAfterSeconds} s.`,
    );
  }
}

export class MissingScopeError extends AppError {
  constructor(required: Scope[]) {
    super(
      'SCOPE_MISSING',
      403,
      'Forbidden',
      `This credential lacks the scope this action needs (one of: ${required.join(', ')}).`,
    );
  }
}

/** Every route needs a valid credential unless marked @Public(); @RequireScopes narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
    private readonly failures: AuthFailures,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const source = request.ip;
    const wait = this.failures.retryAfter(source);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new AuthenticationThrottledError(wait);
    }
    const header = request.headers.authorization;
    const match = BEARER.exec(header ?? '');
    const principal = match ? await this.resolver.resolve(match[1], String(request.id)) : undefined;
    if (!principal) {
      const reason: AuthFailureReason = !header ? 'missing' : match ? 'unknown' : 'malformed';
      this.failures.record(source, reason, {
        route: request.routeOptions?.url ?? 'unmatched',
        correlationId: String(request.id),
      });
      reply.header('WWW-Authenticate', header ? `${WWW_AUTHENTICATE}, error="invalid_token"` : WWW_AUTHENTICATE);
      throw new UnauthenticatedError();
    }
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? [];
    if (required.length > 0 && !required.some((scope) => principal.scopes.includes(scope))) {
      throw new MissingScopeError(required);
    }
    return true;
  }
}
