import type { Principal } from '@vir/auth';
import type { RecordEscalationActionDto } from './record-escalation-action.dto';

export class RecordEscalationActionCommand {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
    readonly input: RecordEscalationActionDto,
  ) {}
}
