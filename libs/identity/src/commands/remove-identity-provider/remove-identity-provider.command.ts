import type { Principal } from '@vir/auth';

/** The organisation's people log in with built-in accounts again (bound identities stay for a return). */
export class RemoveIdentityProviderCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
  ) {}
}
