/** Platform: who is calling — bearer credentials, scopes, failed-authentication throttling and per-credential rate limits. */
export type { Scope } from './scopes';
export { ISSUABLE_SCOPES, MUNICIPALITY_ONLY_SCOPES, SCOPES } from './scopes';
export type { Principal } from './principal';
export { actorOf, ownProfessional, personPrincipal, PrincipalResolver } from './principal';
export { CurrentPrincipal, Public, RequireScopes } from './decorators';
export { UnauthenticatedError } from './auth.guard';
export { AuthFailureSink } from './auth-failures';
export { AuthModule } from './auth.module';
export { hashCredentialSecret, newCredentialSecret } from './secrets';
