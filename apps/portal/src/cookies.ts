import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Over https the cookies are `__Host-` (Secure, Path=/, no Domain: only this host sets or reads them);
 * over plain http, as `npm start` serves on localhost, a browser refuses `__Host-` and Secure, so the
 * development names have no prefix. Both are HttpOnly and SameSite=Lax (Strict would drop the cookie
 * on the link in an invitation or signal e-mail).
 */
export class PortalCookies {
  readonly session: string;
  readonly formToken: string;
  /** The state of a login through an organisation's identity provider, while the browser is there. */
  readonly ssoState: string;
  private readonly secure: boolean;

  constructor(readonly portalUrl: string) {
    this.secure = portalUrl.startsWith('https:');
    const prefix = this.secure ? '__Host-' : '';
    this.session = `${prefix}vir-sessie`;
    this.formToken = `${prefix}vir-formulier`;
    this.ssoState = `${prefix}vir-sso`;
  }

  read(request: FastifyRequest, name: string): string | undefined {
    return (request.cookies as Record<string, string | undefined>)[name];
  }

  set(reply: FastifyReply, name: string, value: string): void {
    void reply.setCookie(name, value, { path: '/', httpOnly: true, secure: this.secure, sameSite: 'lax' });
  }

  clear(reply: FastifyReply, name: string): void {
    void reply.clearCookie(name, { path: '/', httpOnly: true, secure: this.secure, sameSite: 'lax' });
  }
}
