/** The provider sent the browser back: check state, code, PKCE and ID token, bind the person, open a session. */
export class FinishSsoLoginCommand {
  constructor(
    readonly callbackUrl: URL,
    /** The state the browser kept in its cookie when it started. */
    readonly cookieState: string | undefined,
    readonly correlationId: string,
  ) {}
}
