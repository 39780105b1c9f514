import type { Principal } from '@vir/auth';
import type { RecordAuthorityDecisionDto } from './record-authority-decision.dto';

export class RecordAuthorityDecisionCommand {
  constructor(
    readonly principal: Principal,
    readonly incidentId: string,
    readonly input: RecordAuthorityDecisionDto,
  ) {}
}
