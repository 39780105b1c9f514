import type { Principal } from '@vir/auth';

export class GetIdentityProviderQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
  ) {}
}
