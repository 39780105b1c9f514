import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { RuleViolationError } from '@vir/common';
import { AppConfig } from '@vir/config';
import { OrganisationAccess } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { IdentityProviders } from '../../identity-providers';
import { redirectUriOf } from '../../redirect-uri';
import { SetIdentityProviderCommand } from './set-identity-provider.command';
import { IdentityProviderView } from './set-identity-provider.dto';

@CommandHandler(SetIdentityProviderCommand)
export class SetIdentityProviderHandler implements ICommandHandler<SetIdentityProviderCommand, IdentityProviderView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly providers: IdentityProviders,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, organisationId, input }: SetIdentityProviderCommand): Promise<IdentityProviderView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    const issuer = input.issuer.replace(/\/$/, '');
    if (issuer.startsWith('http:') && (this.config.isProduction || !this.config.OIDC_ALLOW_HTTP))
      throw new RuleViolationError(
        'ISSUER_NOT_HTTPS',
        'Issuer not https',
        'An identity provider is reached only over https.',
        'issuer',
      );
    await this.dataSource.transaction(async (manager) => {
      await this.providers.set(manager, organisation.id, issuer, input.clientId.trim(), input.clientSecret);
      await this.audit.record(manager, {
        action: 'organisation.identity-provider-set',
        objectType: 'organisation',
        objectId: organisation.id,
        actor: actorOf(principal),
        details: { issuer, clientId: input.clientId.trim() },
      });
    });
    return {
      organisationId: organisation.id,
      issuer,
      clientId: input.clientId.trim(),
      redirectUri: redirectUriOf(this.config),
    };
  }
}
