import type { Principal } from '@vir/auth';
import type { SetIdentityProviderDto } from './set-identity-provider.dto';

/** The administrator connects an organisation's own identity provider: its people then log in through it. */
export class SetIdentityProviderCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly input: SetIdentityProviderDto,
  ) {}
}
