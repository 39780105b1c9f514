import type { Principal } from '@vir/auth';

export class GetComplaintQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}
