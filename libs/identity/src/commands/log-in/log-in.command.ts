/** The first step of a login: e-mail address and password. Opens a session that waits for the second factor. */
export class LogInCommand {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly source: string,
    readonly correlationId: string,
  ) {}
}

export interface PendingLogin {
  /** The cookie's token of a session in stage `second_factor`. */
  token: string;
  csrfToken: string;
}
