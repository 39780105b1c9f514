import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { actorOf, ownProfessional } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUuid } from '@vir/common';
import { Repository } from 'typeorm';
import { RegistrationEntity } from '../../entities/registration.entity';
import { registrationNotFound } from '../../registration-errors';
import { RegistrationView } from '../../views';
import { GetRegistrationQuery } from './get-registration.query';

/** One registration of the caller's own organisation; the read is traced. */
@QueryHandler(GetRegistrationQuery)
export class GetRegistrationHandler implements IQueryHandler<GetRegistrationQuery, RegistrationView> {
  constructor(
    @InjectRepository(RegistrationEntity) private readonly registrations: Repository<RegistrationEntity>,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, registrationId }: GetRegistrationQuery): Promise<RegistrationView> {
    const registration = isUuid(registrationId)
      ? await this.registrations.findOneBy({
          id: registrationId,
          organisationId: principal.organisationId,
          ...(ownProfessional(principal) && { professionalId: ownProfessional(principal) }),
        })
      : null;
    if (!registration) throw registrationNotFound();
    await this.audit.recordRead(this.registrations.manager, 'registration.read', actorOf(principal), {
      type: 'registration',
      id: registration.id,
    });
    return RegistrationView.of(registration);
  }
}
