import type { Principal } from '@vir/auth';
import type { RecordComplaintDto } from './record-complaint.dto';

export class RecordComplaintCommand {
  constructor(
    readonly principal: Principal,
    readonly input: RecordComplaintDto,
  ) {}
}
