import type { Principal } from '@vir/auth';

export class ListAddressExclusionsQuery {
  constructor(readonly principal: Principal) {}
}
