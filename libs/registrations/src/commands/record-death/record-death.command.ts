import type { Principal } from '@vir/auth';
import type { RecordDeathDto } from './record-death.dto';

export class RecordDeathCommand {
  constructor(
    readonly principal: Principal,
    readonly input: RecordDeathDto,
  ) {}
}
