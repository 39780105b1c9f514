import type { Principal } from '@vir/auth';
import type { UpdateComplaintDto } from './update-complaint.dto';

export class UpdateComplaintCommand {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly input: UpdateComplaintDto,
  ) {}
}
