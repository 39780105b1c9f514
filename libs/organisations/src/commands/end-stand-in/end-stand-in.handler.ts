import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUuid } from '@vir/common';
import { DataSource } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { professionalNotFound, standInNotFound } from '../../organisation-errors';
import { StandIns } from '../../stand-ins';
import { EndStandInCommand } from './end-stand-in.command';

/** The person is back (or the arrangement was a mistake): the stand-in receives nothing new from now on. */
@CommandHandler(EndStandInCommand)
export class EndStandInHandler implements ICommandHandler<EndStandInCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly standIns: StandIns,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, organisationId, professionalId }: EndStandInCommand): Promise<void> {
    const organisation = await this.access.loadForPeopleCare(principal, organisationId, 'stand-ins');
    await this.dataSource.transaction(async (manager) => {
      const person = isUuid(professionalId)
        ? await manager
            .getRepository(ProfessionalEntity)
            .findOneBy({ id: professionalId, organisationId: organisation.id })
        : null;
      if (!person) throw professionalNotFound();
      if (!(await this.standIns.end(manager, person.id))) throw standInNotFound();
      await this.audit.record(manager, {
        action: 'stand-in.ended',
        objectType: 'professional',
        objectId: person.id,
        actor: actorOf(principal),
        details: { organisationId: organisation.id },
      });
    });
  }
}
