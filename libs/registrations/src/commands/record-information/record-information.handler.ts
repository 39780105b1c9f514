import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf, ownProfessional } from '@vir/auth';
import { addDays, Clock, ConflictError, isUuid, RuleViolationError, todayInAmsterdam } from '@vir/common';
import { DataSource } from 'typeorm';
import { RegistrationEntity } from '../../entities/registration.entity';
import { MAX_DEFERRAL_DAYS } from '../../information-task';
import { registrationNotActive, registrationNotFound, ruleViolation } from '../../registration-errors';
import { RegistrationView } from '../../views';
import { RecordInformationCommand } from './record-information.command';

@CommandHandler(RecordInformationCommand)
export class RecordInformationHandler implements ICommandHandler<RecordInformationCommand, RegistrationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, registrationId, input }: RecordInformationCommand): Promise<RegistrationView> {
    if (!isUuid(registrationId)) throw registrationNotFound();
    const own = ownProfessional(principal);
    if (own && input.professionalId !== own) throw ruleViolation('NOT_YOURSELF');
    const today = todayInAmsterdam(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RegistrationEntity);
      const registration = await repository.findOne({
        where: { id: registrationId, organisationId: principal.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!registration) throw registrationNotFound();
      if (input.professionalId !== registration.professionalId) throw ruleViolation('NOT_OWN_REGISTRATION');
      if (registration.status !== 'active') throw registrationNotActive();
      if (!registration.informTarget)
        throw new ConflictError(
          'NO_INFORMATION_TASK',
          'No information task',
          'This registration was made before information tasks existed.',
        );
      if (registration.informedOn)
        throw new ConflictError(
          'ALREADY_INFORMED',
          'Already informed',
          `The notice was recorded as given on ${registration.informedOn}.`,
        );
      const registeredOn = todayInAmsterdam(registration.createdAt);
      if (input.status === 'informed') {
        const on = input.informedOn!;
        if (on > today || on < registeredOn)
          throw new RuleViolationError(
            'INFORMED_ON_INVALID',
            'Informed on an impossible day',
            `informedOn must lie between the registration (${registeredOn}) and today.`,
            'informedOn',
          );
        registration.informedOn = on;
        registration.informDeferralGround = null;
        registration.informRecheckOn = null;
      } else {
        const recheck = input.recheckOn!;
        if (recheck <= today || recheck > addDays(today, MAX_DEFERRAL_DAYS))
          throw new RuleViolationError(
            'RECHECK_ON_INVALID',
            'Re-check on an impossible day',
            `recheckOn must come after today and within ${MAX_DEFERRAL_DAYS} days: a postponement is looked at again.`,
            'recheckOn',
          );
        registration.informDeferralGround = input.deferralGround!;
        registration.informRecheckOn = recheck;
      }
      await repository.save(registration);
      await this.audit.record(manager, {
        action: 'registration.information-recorded',
        objectType: 'registration',
        objectId: registration.id,
        actor: actorOf(principal, registration.professionalId),
        details:
          input.status === 'informed'
            ? { status: 'informed' }
            : {
                status: 'deferred',
                ground: registration.informDeferralGround,
                recheckOn: registration.informRecheckOn,
              },
      });
      return RegistrationView.of(registration, today);
    });
  }
}
