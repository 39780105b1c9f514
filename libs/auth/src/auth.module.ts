import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { CredentialRateLimitGuard } from './rate-limit.guard';

/**
 * Authentication then rate limiting, for every route of the HTTP app.
 * The PrincipalResolver comes from the administration context (it owns credentials).
 */
@Module({})
export class AuthModule {
  /** `resolverModule` must export a PrincipalResolver. */
  static forRoot(resolverModule: Type | DynamicModule): DynamicModule {
    return {
      module: AuthModule,
      imports: [resolverModule],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: CredentialRateLimitGuard },
      ],
    };
  }
}
