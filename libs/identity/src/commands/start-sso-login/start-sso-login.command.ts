/** Sends the browser to an organisation's own identity provider (authorization code flow with PKCE). */
export class StartSsoLoginCommand {
  constructor(readonly organisationId: string) {}
}

export interface SsoRedirect {
  /** Where the browser goes: the provider's authorization endpoint. */
  url: string;
  /** Kept in a cookie of the browser, so only the browser that started can finish. */
  state: string;
}
