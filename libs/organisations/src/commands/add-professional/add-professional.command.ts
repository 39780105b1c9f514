import type { Principal } from '@vir/auth';
import type { AddProfessionalDto } from './add-professional.dto';

export class AddProfessionalCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly input: AddProfessionalDto,
  ) {}
}
