import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { OutboxWriter } from '@vir/queue';
import { DataSource } from 'typeorm';
import { COLLEGE_ROLES, ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import {
  collegeRoleOutsideMunicipality,
  followUpOfficerOutsideMunicipality,
  organisationDisconnected,
} from '../../organisation-errors';
import { ProfessionalView } from '../../views';
import { AddProfessionalCommand } from './add-professional.command';

@CommandHandler(AddProfessionalCommand)
export class AddProfessionalHandler implements ICommandHandler<AddProfessionalCommand, ProfessionalView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ principal, organisationId, input }: AddProfessionalCommand): Promise<ProfessionalView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    if (organisation.status !== 'connected') throw organisationDisconnected();
    if (input.role === 'follow_up_officer' && organisation.kind !== 'municipality')
      throw followUpOfficerOutsideMunicipality();
    if (COLLEGE_ROLES.includes(input.role) && organisation.kind !== 'municipality')
      throw collegeRoleOutsideMunicipality(input.role);

    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProfessionalEntity);
      const professional = await repository.save(
        repository.create({
          organisationId: organisation.id,
          name: input.name.trim(),
          email: input.email.trim(),
          phone: input.phone.trim(),
          role: input.role,
          active: true,
        }),
      );
      await this.audit.record(manager, {
        action: 'professional.designated',
        objectType: 'professional',
        objectId: professional.id,
        actor: actorOf(principal),
        details: { organisationId: organisation.id, role: professional.role },
      });
      // The college's matches made while it had no follow-up officer got no gemeente copy: the worker delivers them now.
      if (professional.role === 'follow_up_officer') {
        await this.outbox.add(
          manager,
          'follow-up-officer.designated',
          { professionalId: professional.id },
          principal.correlationId,
        );
      }
      return ProfessionalView.of(professional);
    });
  }
}
