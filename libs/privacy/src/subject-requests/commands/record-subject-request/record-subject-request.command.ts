import type { Principal } from '@vir/auth';
import type { RecordSubjectRequestDto } from './record-subject-request.dto';

export class RecordSubjectRequestCommand {
  constructor(
    readonly principal: Principal,
    readonly input: RecordSubjectRequestDto,
  ) {}
}
