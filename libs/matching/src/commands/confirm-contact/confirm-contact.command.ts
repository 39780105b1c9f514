import type { Principal } from '@vir/auth';

export class ConfirmContactCommand {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
    readonly professionalId: string,
  ) {}
}
