import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, isUuid, ValidationFailedError } from '@vir/common';
import { DataSource } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { professionalNotFound } from '../../organisation-errors';
import { ProfessionalView } from '../../views';
import { UpdateProfessionalCommand } from './update-professional.command';

/**
 * Contact details are kept current by the administrator, or by the organisation's own
 * coordinator through a `contact-details` credential (Jw 7.1.3.3). Role and status are not editable here.
 */
@CommandHandler(UpdateProfessionalCommand)
export class UpdateProfessionalHandler implements ICommandHandler<UpdateProfessionalCommand, ProfessionalView> {
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
    input,
  }: UpdateProfessionalCommand): Promise<ProfessionalView> {
    const organisation = await this.access.loadForPeopleCare(principal, organisationId, 'contact details');
    const changes = Object.fromEntries(
      Object.entries({ name: input.name, email: input.email, phone: input.phone })
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, (value as string).trim()]),
    );
    if (Object.keys(changes).length === 0) {
      throw new ValidationFailedError([{ field: 'body', reason: 'give at least one of name, email, phone' }]);
    }

    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProfessionalEntity);
      const professional = isUuid(professionalId)
        ? await repository.findOneBy({ id: professionalId, organisationId: organisation.id })
        : null;
      if (!professional) throw professionalNotFound();
      Object.assign(professional, changes, { contactConfirmedAt: this.clock.now() });
      const saved = await repository.save(professional);
      await this.audit.record(manager, {
        action: 'professional.contact-details-updated',
        objectType: 'professional',
        objectId: professional.id,
        actor: actorOf(principal),
        details: { organisationId: organisation.id, fields: Object.keys(changes) },
      });
      return ProfessionalView.of(saved);
    });
  }
}
