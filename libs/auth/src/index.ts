export type { Scope } from './scopes';
export { MUNICIPALITY_ONLY_SCOPES, SCOPES } from './scopes';
export type { Principal } from './principal';
export { actorOf, PrincipalResolver } from './principal';
export { CurrentPrincipal, Public, RequireScopes } from './decorators';
export { AuthGuard, MissingScopeError, UnauthenticatedError } from './auth.guard';
export { AuthModule } from './auth.module';
export { CredentialRateLimitGuard, RateLimitedError } from './rate-limit.guard';
export { hashCredentialSecret, newCredentialSecret } from './secrets';
