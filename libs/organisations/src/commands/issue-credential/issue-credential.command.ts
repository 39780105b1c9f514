import type { Principal } from '@vir/auth';
import type { IssueCredentialDto } from './issue-credential.dto';

export class IssueCredentialCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly input: IssueCredentialDto,
  ) {}
}
