import type { Principal } from '@vir/auth';
import type { SetStandInDto } from './set-stand-in.dto';

export class SetStandInCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
    readonly input: SetStandInDto,
  ) {}
}
