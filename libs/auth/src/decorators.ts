import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal } from './principal';
import type { Scope } from './scopes';

export const PUBLIC_ROUTE = 'vir:public';
export const REQUIRED_SCOPES = 'vir:scopes';

/** No credential needed (health, OpenAPI). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The credential must carry at least one of these scopes. */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
