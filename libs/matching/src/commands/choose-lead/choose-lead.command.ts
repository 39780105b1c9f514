import type { Principal } from '@vir/auth';

export class ChooseLeadCommand {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
    readonly professionalId: string,
  ) {}
}
