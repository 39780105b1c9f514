import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@vir/common';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './decorators';
import { Principal, PrincipalResolver } from './principal';
import type { Scope } from './scopes';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,256})$/;

export class UnauthenticatedError extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 401, 'Authentication required', 'Send a valid, unrevoked credential as `Authorization: Bearer <secret>`.');
  }
}

export class MissingScopeError extends AppError {
  constructor(required: Scope[]) {
    super('SCOPE_MISSING', 403, 'Forbidden', `This credential lacks the scope this action needs (one of: ${required.join(', ')}).`);
  }
}

/** Every route needs a valid credential unless marked @Public(); @RequireScopes narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthenticatedError();
    const principal = await this.resolver.resolve(match[1], String(request.id));
    if (!principal) throw new UnauthenticatedError();
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? [];
    if (required.length > 0 && !required.some((scope) => principal.scopes.includes(scope))) {
      throw new MissingScopeError(required);
    }
    return true;
  }
}
