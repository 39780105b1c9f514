import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUuid } from '@vir/common';
import { Repository } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { professionalNotFound, standInNotFound } from '../../organisation-errors';
import { StandIns } from '../../stand-ins';
import { StandInView } from '../../views';
import { GetStandInQuery } from './get-stand-in.query';

/** Who stands in for a person, and for which days: seen by the own organisation and the college's administrator. */
@QueryHandler(GetStandInQuery)
export class GetStandInHandler implements IQueryHandler<GetStandInQuery, StandInView> {
  constructor(
    private readonly access: OrganisationAccess,
    @InjectRepository(ProfessionalEntity) private readonly professionals: Repository<ProfessionalEntity>,
    private readonly standIns: StandIns,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, organisationId, professionalId }: GetStandInQuery): Promise<StandInView> {
    const organisation = await this.access.loadVisible(principal, organisationId);
    const person = isUuid(professionalId)
      ? await this.professionals.findOneBy({ id: professionalId, organisationId: organisation.id })
      : null;
    if (!person) throw professionalNotFound();
    const standIn = await this.standIns.find(person.id);
    if (!standIn) throw standInNotFound();
    await this.audit.recordRead(
      this.professionals.manager,
      'professional.read',
      actorOf(principal),
      { type: 'professional', id: person.id },
      { organisationId: [organisation.id], standInId: [standIn.standIn.professionalId] },
    );
    return standIn;
  }
}
