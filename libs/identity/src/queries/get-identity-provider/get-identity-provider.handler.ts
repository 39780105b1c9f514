import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@vir/common';
import { AppConfig } from '@vir/config';
import { OrganisationAccess } from '@vir/organisations';
import type { IdentityProviderView } from '../../commands/set-identity-provider/set-identity-provider.dto';
import { IdentityProviders } from '../../identity-providers';
import { redirectUriOf } from '../../redirect-uri';
import { GetIdentityProviderQuery } from './get-identity-provider.query';

@QueryHandler(GetIdentityProviderQuery)
export class GetIdentityProviderHandler implements IQueryHandler<GetIdentityProviderQuery, IdentityProviderView> {
  constructor(
    private readonly access: OrganisationAccess,
    private readonly providers: IdentityProviders,
    private readonly config: AppConfig,
  ) {}

  async execute({ principal, organisationId }: GetIdentityProviderQuery): Promise<IdentityProviderView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    const provider = await this.providers.of(organisation.id);
    if (!provider) throw new NotFoundError('IDENTITY_PROVIDER_NOT_FOUND', 'Identity provider');
    return {
      organisationId: organisation.id,
      issuer: provider.issuer,
      clientId: provider.clientId,
      redirectUri: redirectUriOf(this.config),
    };
  }
}
