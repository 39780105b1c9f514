import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, isUuid } from '@vir/common';
import { DataSource } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { professionalNotFound } from '../../organisation-errors';
import { ProfessionalView } from '../../views';
import { ConfirmContactDetailsCommand } from './confirm-contact-details.command';

@CommandHandler(ConfirmContactDetailsCommand)
export class ConfirmContactDetailsHandler implements ICommandHandler<ConfirmContactDetailsCommand, ProfessionalView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute({
    principal,
    organisationId,
    professionalId,
  }: ConfirmContactDetailsCommand): Promise<ProfessionalView> {
    const organisation = await this.access.loadForPeopleCare(principal, organisationId, 'contact details');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProfessionalEntity);
      const professional = isUuid(professionalId)
        ? await repository.findOneBy({ id: professionalId, organisationId: organisation.id, active: true })
        : null;
      if (!professional) throw professionalNotFound();
      professional.contactConfirmedAt = this.clock.now();
      const saved = await repository.save(professional);
      await this.audit.record(manager, {
        action: 'professional.contact-details-confirmed',
        objectType: 'professional',
        objectId: professional.id,
        actor: actorOf(principal),
        details: { organisationId: organisation.id },
      });
      return ProfessionalView.of(saved);
    });
  }
}
