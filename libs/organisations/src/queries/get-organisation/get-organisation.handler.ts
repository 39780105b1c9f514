import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganisationAccess } from '../../organisation-access';
import { OrganisationView } from '../../views';
import { GetOrganisationQuery } from './get-organisation.query';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationView> {
  constructor(private readonly access: OrganisationAccess) {}

  async execute({ principal, organisationId }: GetOrganisationQuery): Promise<OrganisationView> {
    return OrganisationView.of(await this.access.loadVisible(principal, organisationId));
  }
}
