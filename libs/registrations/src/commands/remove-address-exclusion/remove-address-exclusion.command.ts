import type { Principal } from '@vir/auth';

export class RemoveAddressExclusionCommand {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}
