import type { Principal } from '@vir/auth';

export class GetStandInQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
  ) {}
}
