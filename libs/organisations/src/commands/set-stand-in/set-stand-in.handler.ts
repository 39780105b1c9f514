import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { addYears, Clock, isUuid, todayInAmsterdam } from '@vir/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import {
  professionalInactive,
  professionalNotFound,
  standInInvalid,
  standInPeriodInvalid,
} from '../../organisation-errors';
import { StandIns } from '../../stand-ins';
import { StandInView } from '../../views';
import { SetStandInCommand } from './set-stand-in.command';

/**
 * A stand-in (vervanger) for holidays and sickness, as the covenant asks: for the period the person's
 * new signals also go to the colleague, who may act on the person's matches "namens" them. Set by the
 * administrator or the organisation's coordinator; setting again replaces the period and the colleague.
 */
@CommandHandler(SetStandInCommand)
export class SetStandInHandler implements ICommandHandler<SetStandInCommand, StandInView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly standIns: StandIns,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, organisationId, professionalId, input }: SetStandInCommand): Promise<StandInView> {
    const organisation = await this.access.loadForPeopleCare(principal, organisationId, 'stand-ins');
    const today = todayInAmsterdam(this.clock.now());
    const from = input.from ?? today;
    if (from < today) throw standInPeriodInvalid('The period cannot start in the past.', 'from');
    if (input.until < from) throw standInPeriodInvalid('until must not be before from.', 'until');
    if (input.until > addYears(from, 1)) throw standInPeriodInvalid('A stand-in is for at most a year.', 'until');
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, professionalId, organisation.id);
      await this.checkStandIn(manager, input.standInId, person);
      const view = await this.standIns.set(manager, person.id, input.standInId, from, input.until);
      await this.audit.record(manager, {
        action: 'stand-in.set',
        objectType: 'professional',
        objectId: person.id,
        actor: actorOf(principal),
        details: { organisationId: organisation.id, standInId: input.standInId, from, until: input.until },
      });
      return view;
    });
  }

  private async person(manager: EntityManager, id: string, organisationId: string): Promise<ProfessionalEntity> {
    const person = isUuid(id)
      ? await manager
          .getRepository(ProfessionalEntity)
          .findOne({ where: { id, organisationId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!person) throw professionalNotFound();
    if (!person.active) throw professionalInactive();
    return person;
  }

  private async checkStandIn(manager: EntityManager, id: string, person: ProfessionalEntity): Promise<void> {
    const standIn = id !== person.id ? await manager.getRepository(ProfessionalEntity).findOneBy({ id }) : null;
    if (!standIn || standIn.organisationId !== person.organisationId || !standIn.active || standIn.role !== person.role)
      throw standInInvalid();
  }
}
