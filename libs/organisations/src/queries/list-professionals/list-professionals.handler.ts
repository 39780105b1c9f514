import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { decodeCursor, Page, toPage } from '@vir/common';
import { Repository } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { ProfessionalView } from '../../views';
import { ListProfessionalsQuery } from './list-professionals.query';

@QueryHandler(ListProfessionalsQuery)
export class ListProfessionalsHandler implements IQueryHandler<ListProfessionalsQuery, Page<ProfessionalView>> {
  constructor(
    private readonly access: OrganisationAccess,
    @InjectRepository(ProfessionalEntity) private readonly professionals: Repository<ProfessionalEntity>,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, organisationId, params }: ListProfessionalsQuery): Promise<Page<ProfessionalView>> {
    const organisation = await this.access.loadVisible(principal, organisationId);
    const cursor = decodeCursor(params.cursor);
    const query = this.professionals
      .createQueryBuilder('p')
      .where('p.organisation_id = :org', { org: organisation.id })
      .orderBy('p.created_at')
      .addOrderBy('p.id')
      .limit(params.limit + 1);
    if (params.role) query.andWhere('p.role = :role', { role: params.role });
    if (params.active !== undefined) query.andWhere('p.active = :active', { active: params.active });
    if (cursor) query.andWhere('(p.created_at, p.id) > (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    const page = toPage(await query.getMany(), params.limit, (p) => ProfessionalView.of(p));
    // Contact details are personal data: every read is traced, naming the people shown.
    const about = { type: 'organisation', id: organisation.id };
    await this.audit.recordRead(this.professionals.manager, 'professionals.listed', actorOf(principal), about, {
      professionalIds: page.items.map((p) => p.id),
    });
    return page;
  }
}
