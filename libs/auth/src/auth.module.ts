import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthFailures } from './auth-failures';
import { AuthGuard } from './auth.guard';
import { CredentialRateLimitGuard } from './rate-limit.guard';

/**
 * Authentication then rate limiting, for every route of the HTTP app.
 * The PrincipalResolver comes from the administration context (it owns credentials); `sinkModule`
 * provides the AuthFailureSink that traces throttled addresses.
 */
@Module({})
export class AuthModule {
  /** `resolverModule` must export a PrincipalResolver and `sinkModule` an AuthFailureSink. */
  static forRoot(resolverModule: Type | DynamicModule, sinkModule: Type | DynamicModule): DynamicModule {
    return {
      module: AuthModule,
      imports: [resolverModule, sinkModule],
      providers: [
        AuthFailures,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: CredentialRateLimitGuard },
      ],
    };
  }
}
