import type { Principal } from '@vir/auth';

export class DeactivateProfessionalCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
  ) {}
}
