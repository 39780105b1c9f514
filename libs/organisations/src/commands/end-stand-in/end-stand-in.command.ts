import type { Principal } from '@vir/auth';

export class EndStandInCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
  ) {}
}
