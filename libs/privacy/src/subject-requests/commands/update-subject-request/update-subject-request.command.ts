import type { Principal } from '@vir/auth';
import type { UpdateSubjectRequestDto } from './update-subject-request.dto';

export class UpdateSubjectRequestCommand {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly input: UpdateSubjectRequestDto,
  ) {}
}
