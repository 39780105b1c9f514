import type { Principal } from '@vir/auth';

/** Whether the person of this principal takes signal e-mail as a daily digest. */
export class GetSignalDigestQuery {
  constructor(readonly principal: Principal) {}
}
