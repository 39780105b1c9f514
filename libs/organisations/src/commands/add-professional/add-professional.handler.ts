import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { OutboxWriter } from '@vir/queue';
import { DataSource } from 'typeorm';
import { OrganisationAccess } from '../../organisation-access';
import { assertConnected, assertRoleFits, designateProfessional } from '../../professional-designation';
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
    assertConnected(organisation);
    assertRoleFits(organisation, input.role);
    return this.dataSource.transaction(async (manager) =>
      ProfessionalView.of(
        await designateProfessional(
          manager,
          { audit: this.audit, outbox: this.outbox },
          principal,
          organisation,
          input,
        ),
      ),
    );
  }
}
