import type { Principal } from '@vir/auth';

/** The coordinator (or administrator) checked a person's contact details and found them right. */
export class ConfirmContactDetailsCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
  ) {}
}
