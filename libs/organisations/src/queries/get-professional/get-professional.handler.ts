import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Repository } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { isUuid } from '@vir/common';
import { professionalNotFound } from '../../organisation-errors';
import { ProfessionalView } from '../../views';
import { GetProfessionalQuery } from './get-professional.query';

@QueryHandler(GetProfessionalQuery)
export class GetProfessionalHandler implements IQueryHandler<GetProfessionalQuery, ProfessionalView> {
  constructor(
    private readonly access: OrganisationAccess,
    @InjectRepository(ProfessionalEntity) private readonly professionals: Repository<ProfessionalEntity>,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, organisationId, professionalId }: GetProfessionalQuery): Promise<ProfessionalView> {
    const organisation = await this.access.loadVisible(principal, organisationId);
    const professional = isUuid(professionalId)
      ? await this.professionals.findOneBy({ id: professionalId, organisationId: organisation.id })
      : null;
    if (!professional) throw professionalNotFound();
    await this.audit.recordRead(
      this.professionals.manager,
      'professional.read',
      actorOf(principal),
      { type: 'professional', id: professional.id },
      { organisationId: [organisation.id] },
    );
    return ProfessionalView.of(professional);
  }
}
