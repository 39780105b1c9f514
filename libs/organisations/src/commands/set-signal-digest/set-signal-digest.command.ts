import type { Principal } from '@vir/auth';

/** A person chooses, for themselves, one e-mail per signal or one daily digest. */
export class SetSignalDigestCommand {
  constructor(
    readonly principal: Principal,
    readonly daily: boolean,
  ) {}
}
