import type { Principal } from '@vir/auth';
import type { AnswerSubjectRequestDto } from './answer-subject-request.dto';

export class AnswerSubjectRequestCommand {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly input: AnswerSubjectRequestDto,
  ) {}
}
