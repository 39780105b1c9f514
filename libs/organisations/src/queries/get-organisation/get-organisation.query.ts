import type { Principal } from '@vir/auth';

export class GetOrganisationQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
  ) {}
}
