import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeCursor, Page, toPage } from '@vir/common';
import { Repository } from 'typeorm';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { OrganisationWarnings } from '../../organisation-warnings';
import { OrganisationView } from '../../views';
import { ListOrganisationsQuery } from './list-organisations.query';

/** An administrator lists the organisations connected to their college; anyone else sees only their own. */
@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery, Page<OrganisationView>> {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly warnings: OrganisationWarnings,
  ) {}

  async execute({ principal, params }: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    const cursor = decodeCursor(params.cursor);
    const query = this.organisations
      .createQueryBuilder('o')
      .orderBy('o.created_at')
      .addOrderBy('o.id')
      .limit(params.limit + 1);
    if (principal.scopes.includes('admin'))
      query.where('o.municipality_code = :code', { code: principal.municipalityCode });
    else query.where('o.id = :own', { own: principal.organisationId });
    if (params.kind) query.andWhere('o.kind = :kind', { kind: params.kind });
    if (params.status) query.andWhere('o.status = :status', { status: params.status });
    if (cursor) query.andWhere('(o.created_at, o.id) > (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    const page = toPage(await query.getMany(), params.limit, (o) => o);
    return { items: await this.warnings.views(page.items), nextCursor: page.nextCursor };
  }
}
