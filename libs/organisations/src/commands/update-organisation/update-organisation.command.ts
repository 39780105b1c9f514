import type { Principal } from '@vir/auth';
import type { UpdateOrganisationDto } from './update-organisation.dto';

export class UpdateOrganisationCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly input: UpdateOrganisationDto,
  ) {}
}
