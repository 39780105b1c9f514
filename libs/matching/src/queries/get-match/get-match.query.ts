import type { Principal } from '@vir/auth';

export class GetMatchQuery {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
  ) {}
}
