import type { Principal } from '@vir/auth';
import type { WithdrawRegistrationDto } from './withdraw-registration.dto';

export class WithdrawRegistrationCommand {
  constructor(
    readonly principal: Principal,
    readonly registrationId: string,
    readonly input: WithdrawRegistrationDto,
  ) {}
}
