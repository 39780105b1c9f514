/** The second step of a login: a TOTP code or a recovery code, for the session the first step opened. */
export class ConfirmSecondFactorCommand {
  constructor(
    readonly pendingToken: string,
    readonly code: string,
    readonly source: string,
    readonly correlationId: string,
  ) {}
}

export interface ActiveLogin {
  /** A new token: the session that waited for the second factor ends, so its token opens nothing. */
  token: string;
  csrfToken: string;
}
