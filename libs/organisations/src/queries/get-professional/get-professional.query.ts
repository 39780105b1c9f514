import type { Principal } from '@vir/auth';

export class GetProfessionalQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
  ) {}
}
