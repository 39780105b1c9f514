import type { Principal } from '@vir/auth';

export class GetRegistrationQuery {
  constructor(
    readonly principal: Principal,
    readonly registrationId: string,
  ) {}
}
