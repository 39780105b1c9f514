import type { Principal } from '@vir/auth';

/** The college's breach reports, newest first (the most recent 100). */
export class ListIncidentsQuery {
  constructor(readonly principal: Principal) {}
}
