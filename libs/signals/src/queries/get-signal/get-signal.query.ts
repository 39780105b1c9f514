import type { Principal } from '@vir/auth';

export class GetSignalQuery {
  constructor(
    readonly principal: Principal,
    readonly signalId: string,
  ) {}
}
