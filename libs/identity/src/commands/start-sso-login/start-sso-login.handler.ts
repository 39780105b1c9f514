import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, isUuid, NotFoundError } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { SsoRefusedError } from '../../identity-errors';
import { IdentityProviders } from '../../identity-providers';
import { OidcClient } from '../../oidc-client';
import { SSO_LOGIN_MINUTES } from '../../sso-login-window';
import { tokenHash } from '../../tokens';
import { SsoRedirect, StartSsoLoginCommand } from './start-sso-login.command';

@CommandHandler(StartSsoLoginCommand)
export class StartSsoLoginHandler implements ICommandHandler<StartSsoLoginCommand, SsoRedirect> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly providers: IdentityProviders,
    private readonly oidc: OidcClient,
  ) {}

  async execute({ organisationId }: StartSsoLoginCommand): Promise<SsoRedirect> {
    const provider = isUuid(organisationId) ? await this.providers.of(organisationId) : undefined;
    if (!provider) throw new NotFoundError('IDENTITY_PROVIDER_NOT_FOUND', 'Identity provider');
    const request = await this.oidc.authorizationRequest(provider).catch(() => {
      throw new SsoRefusedError('provider-unreachable');
    });
    const now = this.clock.now();
    // Started logins that never came back are of no use after their ten minutes: they go as new ones start.
    await execute(
      this.dataSource,
      sql`DELETE FROM sso_logins WHERE created_at < ${new Date(now.getTime() - SSO_LOGIN_MINUTES * 60_000)}`,
    );
    await execute(
      this.dataSource,
      sql`INSERT INTO sso_logins (state_hash, organisation_id, code_verifier, nonce, created_at)
          VALUES (${tokenHash(request.state)}, ${organisationId}, ${request.codeVerifier}, ${request.nonce}, ${now})`,
    );
    return { url: request.url, state: request.state };
  }
}
