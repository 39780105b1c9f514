import type { Principal } from '@vir/auth';
import type { RegisterYouthDto } from './register-youth.dto';

export class RegisterYouthCommand {
  constructor(
    readonly principal: Principal,
    readonly input: RegisterYouthDto,
  ) {}
}
