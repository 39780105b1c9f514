import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { actorOf, ownProfessional } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { decodeCursor, Page, toPage } from '@vir/common';
import { Repository } from 'typeorm';
import { RegistrationEntity } from '../../entities/registration.entity';
import { RegistrationView } from '../../views';
import { ListRegistrationsQuery } from './list-registrations.query';

/** The registrations of the credential's own organisation only; no search over the index (Jw 7.1.2.1(3)). */
@QueryHandler(ListRegistrationsQuery)
export class ListRegistrationsHandler implements IQueryHandler<ListRegistrationsQuery, Page<RegistrationView>> {
  constructor(
    @InjectRepository(RegistrationEntity) private readonly registrations: Repository<RegistrationEntity>,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, params }: ListRegistrationsQuery): Promise<Page<RegistrationView>> {
    const cursor = decodeCursor(params.cursor);
    const query = this.registrations
      .createQueryBuilder('r')
      .where('r.organisation_id = :org', { org: principal.organisationId })
      .orderBy('r.created_at')
      .addOrderBy('r.id')
      .limit(params.limit + 1);
    if (params.professionalId)
      query.andWhere('r.professional_id = :professional', { professional: params.professionalId });
    const own = ownProfessional(principal);
    if (own) query.andWhere('r.professional_id = :own', { own });
    if (params.status) query.andWhere('r.status = :status', { status: params.status });
    if (cursor) query.andWhere('(r.created_at, r.id) > (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    const page = toPage(await query.getMany(), params.limit, (r) => RegistrationView.of(r));
    const about = { type: 'organisation', id: principal.organisationId };
    await this.audit.recordRead(this.registrations.manager, 'registrations.listed', actorOf(principal), about, {
      registrationIds: page.items.map((r) => r.id),
    });
    return page;
  }
}
