import type { Principal } from '@vir/auth';
import type { CreateOrganisationDto } from './create-organisation.dto';

export class CreateOrganisationCommand {
  constructor(
    readonly principal: Principal,
    readonly input: CreateOrganisationDto,
  ) {}
}
