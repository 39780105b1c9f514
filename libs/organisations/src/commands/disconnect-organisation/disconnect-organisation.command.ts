import type { Principal } from '@vir/auth';

export class DisconnectOrganisationCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
  ) {}
}
