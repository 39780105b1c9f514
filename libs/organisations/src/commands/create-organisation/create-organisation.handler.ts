import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUniqueViolation } from '@vir/common';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { assertAgreementTerm, municipalityMismatch, organisationExists } from '../../organisation-errors';
import { OrganisationView } from '../../views';
import { CreateOrganisationCommand } from './create-organisation.command';

@CommandHandler(CreateOrganisationCommand)
export class CreateOrganisationHandler implements ICommandHandler<CreateOrganisationCommand, OrganisationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, input }: CreateOrganisationCommand): Promise<OrganisationView> {
    if (input.municipalityCode !== principal.municipalityCode) throw municipalityMismatch();
    assertAgreementTerm(input.agreementSignedOn, input.agreementEndsOn);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organisation = await manager.getRepository(OrganisationEntity).save(
          manager.getRepository(OrganisationEntity).create({
            name: input.name.trim(),
            kind: input.kind,
            municipalityCode: input.municipalityCode,
            agreementReference: input.agreementReference.trim(),
            agreementSignedOn: input.agreementSignedOn ?? null,
            agreementEndsOn: input.agreementEndsOn ?? null,
            breachNotificationEmail: input.breachNotificationEmail ?? null,
            status: 'connected',
          }),
        );
        await this.audit.record(manager, {
          action: 'organisation.connected',
          objectType: 'organisation',
          objectId: organisation.id,
          actor: actorOf(principal),
          details: { kind: organisation.kind, municipalityCode: organisation.municipalityCode },
        });
        return OrganisationView.of(organisation);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_name_per_municipality')) throw organisationExists();
      throw error;
    }
  }
}
