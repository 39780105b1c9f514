import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganisationAccess } from '../../organisation-access';
import { OrganisationWarnings } from '../../organisation-warnings';
import { OrganisationView } from '../../views';
import { GetOrganisationQuery } from './get-organisation.query';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationView> {
  constructor(
    private readonly access: OrganisationAccess,
    private readonly warnings: OrganisationWarnings,
  ) {}

  async execute({ principal, organisationId }: GetOrganisationQuery): Promise<OrganisationView> {
    return this.warnings.view(await this.access.loadVisible(principal, organisationId));
  }
}
