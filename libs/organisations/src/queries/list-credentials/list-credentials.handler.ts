import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeCursor, Page, toPage } from '@vir/common';
import { Repository } from 'typeorm';
import { CredentialEntity } from '../../entities/credential.entity';
import { OrganisationAccess } from '../../organisation-access';
import { CredentialView } from '../../views';
import { ListCredentialsQuery } from './list-credentials.query';

/** Secrets are never listed; they were shown once, when issued. */
@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery, Page<CredentialView>> {
  constructor(
    private readonly access: OrganisationAccess,
    @InjectRepository(CredentialEntity) private readonly credentials: Repository<CredentialEntity>,
  ) {}

  async execute({ principal, organisationId, params }: ListCredentialsQuery): Promise<Page<CredentialView>> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    const cursor = decodeCursor(params.cursor);
    const query = this.credentials
      .createQueryBuilder('c')
      .where('c.organisation_id = :org', { org: organisation.id })
      .orderBy('c.created_at')
      .addOrderBy('c.id')
      .limit(params.limit + 1);
    if (cursor) query.andWhere('(c.created_at, c.id) > (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    return toPage(await query.getMany(), params.limit, (c) => CredentialView.of(c));
  }
}
