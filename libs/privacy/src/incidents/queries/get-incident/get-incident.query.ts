import type { Principal } from '@vir/auth';

export class GetIncidentQuery {
  constructor(
    readonly principal: Principal,
    readonly incidentId: string,
  ) {}
}
