import type { Principal } from '@vir/auth';
import type { UpdateContactDetailsDto } from '../add-professional/add-professional.dto';

export class UpdateProfessionalCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
    readonly input: UpdateContactDetailsDto,
  ) {}
}
