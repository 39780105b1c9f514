import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityProviders } from '../../identity-providers';
import { ListSsoOrganisationsQuery, SsoOrganisation } from './list-sso-organisations.query';

@QueryHandler(ListSsoOrganisationsQuery)
export class ListSsoOrganisationsHandler implements IQueryHandler<ListSsoOrganisationsQuery, SsoOrganisation[]> {
  constructor(private readonly providers: IdentityProviders) {}

  execute(): Promise<SsoOrganisation[]> {
    return this.providers.organisations();
  }
}
