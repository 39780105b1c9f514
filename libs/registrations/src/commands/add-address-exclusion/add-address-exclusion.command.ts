import type { Principal } from '@vir/auth';
import type { AddAddressExclusionDto } from './add-address-exclusion.dto';

export class AddAddressExclusionCommand {
  constructor(
    readonly principal: Principal,
    readonly input: AddAddressExclusionDto,
  ) {}
}
