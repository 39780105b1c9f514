import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf, ownProfessional } from '@vir/auth';
import { DataSource } from 'typeorm';
import { RegistrationEntity } from '../../entities/registration.entity';
import { registrationNotActive, registrationNotFound, ruleViolation } from '../../registration-errors';
import { RegistrationRemoval } from '../../registration-removal';
import { isUuid } from '@vir/common';
import { RegistrationView } from '../../views';
import { WithdrawRegistrationCommand } from './withdraw-registration.command';

/** The reporter withdraws their own registration (Jw 7.1.4.5(1)): the acting professional is named and must be the one who registered. Repeating the same withdrawal changes nothing. */
@CommandHandler(WithdrawRegistrationCommand)
export class WithdrawRegistrationHandler implements ICommandHandler<WithdrawRegistrationCommand, RegistrationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly removal: RegistrationRemoval,
  ) {}

  async execute({ principal, registrationId, input }: WithdrawRegistrationCommand): Promise<RegistrationView> {
    if (!isUuid(registrationId)) throw registrationNotFound();
    const own = ownProfessional(principal);
    if (own && input.professionalId !== own) throw ruleViolation('NOT_YOURSELF');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RegistrationEntity);
      const registration = await repository.findOne({
        where: { id: registrationId, organisationId: principal.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!registration) throw registrationNotFound();
      if (input.professionalId !== registration.professionalId) throw ruleViolation('NOT_OWN_REGISTRATION');
      if (registration.status !== 'active') {
        if (registration.status === 'withdrawn' && registration.removalReason === input.reason)
          return RegistrationView.of(registration);
        throw registrationNotActive();
      }
      await this.removal.remove(
        manager,
        [registration.id],
        input.reason,
        actorOf(principal, registration.professionalId),
      );
      return RegistrationView.of(await repository.findOneByOrFail({ id: registration.id }));
    });
  }
}
