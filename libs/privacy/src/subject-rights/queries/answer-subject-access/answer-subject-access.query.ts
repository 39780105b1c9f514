import type { Principal } from '@vir/auth';
import { YouthDto, YouthField } from '@vir/pseudonymisation';

export class SubjectAccessDto {
  @YouthField()
  youth: YouthDto;
}

export class AnswerSubjectAccessQuery {
  constructor(
    readonly principal: Principal,
    readonly youth: YouthDto,
  ) {}
}
