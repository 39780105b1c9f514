import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';

export class ListCredentialsQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly params: PageQueryDto,
  ) {}
}
