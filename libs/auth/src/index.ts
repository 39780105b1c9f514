/** Platform: who is calling — bearer credentials, scopes, failed-authentication throttling and per-credential rate limits. */
export type { Scope } from './scopes';
export { MUNICIPALITY_ONLY_SCOPES, SCOPES } from './scopes';
export type { Principal } from './principal';
export { actorOf, PrincipalResolver } from './principal';
export { CurrentPrincipal, Public, RequireScopes } from './decorators';
export {
  AuthenticationThrottledError,
  AuthGuard,
  MissingScopeError,
  UnauthenticatedError,
  WWW_AUTHENTICATE,
} from './auth.guard';
export { AuthFailures, AuthFailureSink } from './auth-failures';
export { AuthModule } from './auth.module';
export { CredentialRateLimitGuard, RateLimitedError } from './rate-limit.guard';
export { hashCredentialSecret, newCredentialSecret } from './secrets';
