import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { DataSource } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { isUuid } from '@vir/common';
import { professionalNotFound } from '../../organisation-errors';
import { ProfessionalView } from '../../views';
import { DeactivateProfessionalCommand } from './deactivate-professional.command';

/** The designation ends; the record stays so that history and audit entries keep their meaning. */
@CommandHandler(DeactivateProfessionalCommand)
export class DeactivateProfessionalHandler implements ICommandHandler<DeactivateProfessionalCommand, ProfessionalView> {
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
  }: DeactivateProfessionalCommand): Promise<ProfessionalView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProfessionalEntity);
      const professional = isUuid(professionalId)
        ? await repository.findOneBy({ id: professionalId, organisationId: organisation.id })
        : null;
      if (!professional) throw professionalNotFound();
      if (!professional.active) return ProfessionalView.of(professional);
      professional.active = false;
      professional.deactivatedAt = this.clock.now();
      const saved = await repository.save(professional);
      await this.audit.record(manager, {
        action: 'professional.deactivated',
        objectType: 'professional',
        objectId: professional.id,
        actor: actorOf(principal),
        details: { organisationId: organisation.id },
      });
      return ProfessionalView.of(saved);
    });
  }
}
