import type { Principal } from '@vir/auth';

export class GetSubjectRequestQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}
