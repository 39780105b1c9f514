import type { Principal } from '@vir/auth';

export class RevokeCredentialCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly credentialId: string,
  ) {}
}
