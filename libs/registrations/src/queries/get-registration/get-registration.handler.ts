import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid } from '@vir/common';
import { Repository } from 'typeorm';
import { RegistrationEntity } from '../../entities/registration.entity';
import { registrationNotFound } from '../../registration-errors';
import { RegistrationView } from '../../views';
import { GetRegistrationQuery } from './get-registration.query';

@QueryHandler(GetRegistrationQuery)
export class GetRegistrationHandler implements IQueryHandler<GetRegistrationQuery, RegistrationView> {
  constructor(@InjectRepository(RegistrationEntity) private readonly registrations: Repository<RegistrationEntity>) {}

  async execute({ principal, registrationId }: GetRegistrationQuery): Promise<RegistrationView> {
    const registration = isUuid(registrationId)
      ? await this.registrations.findOneBy({ id: registrationId, organisationId: principal.organisationId })
      : null;
    if (!registration) throw registrationNotFound();
    return RegistrationView.of(registration);
  }
}
