import type { Principal } from '@vir/auth';

export class ListSubjectRequestsQuery {
  constructor(readonly principal: Principal) {}
}
