/** Sets the password and enrols the TOTP secret of an invitation, confirmed by a first code. */
export class AcceptInvitationCommand {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly passwordRepeat: string,
    readonly code: string,
    readonly correlationId: string,
  ) {}
}

export interface AcceptedInvitation {
  email: string;
  /** Shown once: each opens the account once when the authenticator app is lost. */
  recoveryCodes: string[];
}
