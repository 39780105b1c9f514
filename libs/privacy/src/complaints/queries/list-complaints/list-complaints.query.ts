import type { Principal } from '@vir/auth';

export class ListComplaintsQuery {
  constructor(readonly principal: Principal) {}
}
