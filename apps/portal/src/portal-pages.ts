import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { personPrincipal, Principal } from '@vir/auth';
import { AppError, isUuid } from '@vir/common';
import { OpenSession, ResumeSessionCommand, sameSecret } from '@vir/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalCookies } from './cookies';
import { alert, NavItem, page, SafeHtml } from './html';

export type Form = Record<string, unknown>;

/** A form field as text, cut to `max` characters (a form never gets to send more than that). */
export const text = (form: Form | undefined, name: string, max = 256): string => {
  const value = form?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** A form field that may come more than once (checkboxes of one name), as a list of texts. */
export const texts = (form: Form | undefined, name: string, max = 256, most = 50): string[] => {
  const value = form?.[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all
    .filter((v): v is string => typeof v === 'string')
    .slice(0, most)
    .map((v) => v.slice(0, max));
};

/** A logged-in person on a page: the session, and the principal the use cases act for. */
export interface PersonOnPage {
  session: OpenSession;
  principal: Principal;
}

/** Where a person may be sent back to after logging in: a page of the portal, never another site. */
export function returnPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/[a-z][a-z0-9/-]{0,120}$/.test(value) && !value.includes('//')
    ? value
    : undefined;
}

const NAVIGATION: Record<string, NavItem[]> = {
  professional: [
    { href: '/', label: 'Start' },
    { href: '/meldingen/nieuw', label: 'Nieuwe melding' },
    { href: '/meldingen', label: 'Mijn meldingen' },
    { href: '/signalen', label: 'Signalen' },
    { href: '/mijn-email', label: 'Mijn e-mail' },
  ],
  coordinator: [
    { href: '/', label: 'Start' },
    { href: '/signalen', label: 'Signalen' },
    { href: '/medewerkers', label: 'Medewerkers' },
    { href: '/datalekken/melden', label: 'Datalek melden' },
    { href: '/mijn-email', label: 'Mijn e-mail' },
  ],
  follow_up_officer: [
    { href: '/', label: 'Start' },
    { href: '/werklijst', label: 'Werklijst' },
    { href: '/mijn-email', label: 'Mijn e-mail' },
  ],
  administrator: [
    { href: '/', label: 'Start' },
    { href: '/organisaties', label: 'Organisaties' },
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/instellingen', label: 'Instellingen' },
    { href: '/adresmatch', label: 'Adresmatch' },
    { href: '/verzoeken', label: 'Verzoeken' },
    { href: '/datalekken/melden', label: 'Datalek melden' },
  ],
  privacy_officer: [
    { href: '/', label: 'Start' },
    { href: '/verzoeken', label: 'Verzoeken' },
    { href: '/klachten', label: 'Klachten' },
    { href: '/datalekken', label: 'Datalekken' },
    { href: '/datalekken/melden', label: 'Datalek melden' },
    { href: '/logboek', label: 'Logboek' },
  ],
};

/** What every page of a logged-in person needs: the session, the role check, the CSRF check and the page itself. */
@Injectable()
export class PortalPages {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly cookies: PortalCookies,
  ) {}

  async session(request: FastifyRequest): Promise<OpenSession | null> {
    const token = this.cookies.read(request, this.cookies.session);
    return token ? this.commandBus.execute(new ResumeSessionCommand(token)) : null;
  }

  hadSession(request: FastifyRequest): boolean {
    return Boolean(this.cookies.read(request, this.cookies.session));
  }

  /**
   * The person of an active session in one of `roles`, or null after answering: to the login page
   * (and back here afterwards) without a session, a page "not for your role" otherwise.
   */
  async person(request: FastifyRequest, reply: FastifyReply, roles: string[]): Promise<PersonOnPage | null> {
    const session = await this.session(request);
    if (!session || session.stage !== 'active') {
      this.toLogin(reply, request, this.hadSession(request), request.method === 'GET' ? request.url : undefined);
      return null;
    }
    if (!roles.includes(session.person.role)) {
      this.send(reply, 403, 'Niet voor uw rol', alert('error', 'Deze pagina hoort niet bij uw rol.'), session);
      return null;
    }
    return { session, principal: personPrincipal(session.person, String(request.id)) };
  }

  /** The person of a form post, with its CSRF token checked; null after answering. */
  async personPosting(
    request: FastifyRequest,
    reply: FastifyReply,
    form: Form,
    roles: string[],
  ): Promise<PersonOnPage | null> {
    const person = await this.person(request, reply, roles);
    if (!person) return null;
    if (!sameSecret(text(form, 'csrf', 64), person.session.csrfToken)) {
      this.refuseForgery(reply);
      return null;
    }
    return person;
  }

  toLogin(reply: FastifyReply, request: FastifyRequest, expired: boolean, back?: string): void {
    if (this.hadSession(request)) this.cookies.clear(reply, this.cookies.session);
    const query = new URLSearchParams();
    if (expired) query.set('verlopen', '1');
    const path = returnPath(back);
    if (path && path !== '/') query.set('terug', path);
    const search = query.toString();
    void reply.redirect(search ? `/inloggen?${search}` : '/inloggen', 303);
  }

  refuseForgery(reply: FastifyReply): void {
    this.send(
      reply,
      403,
      'Formulier verlopen',
      alert(
        'error',
        'Dit formulier is verlopen of kwam niet van deze site. Open de pagina opnieuw en probeer het nog eens.',
      ),
    );
  }

  notFound(reply: FastifyReply, session: OpenSession | null, what: string): void {
    this.send(
      reply,
      404,
      `${what} niet gevonden`,
      new SafeHtml(
        `<p class="utrecht-paragraph">Deze pagina bestaat niet, of is niet voor u. <a class="utrecht-link" href="/">Naar de start</a></p>`,
      ),
      session,
    );
  }

  send(
    reply: FastifyReply,
    status: number,
    title: string,
    body: SafeHtml,
    session?: OpenSession | null,
    current?: string,
  ): void {
    const active = session?.stage === 'active' ? session : undefined;
    const person = active ? { name: active.person.name, csrfToken: active.csrfToken } : undefined;
    const nav = active
      ? (NAVIGATION[active.person.role] ?? [{ href: '/', label: 'Start' }]).map((item) => ({
          ...item,
          current: item.href === current,
        }))
      : undefined;
    void reply.status(status).type('text/html; charset=utf-8').send(page({ title, body, person, nav }));
  }
}

/** The answer of a use case, or undefined when the object does not exist for this person (as the API answers 404). */
export async function orNotFound<T>(id: string, run: () => Promise<T>): Promise<T | undefined> {
  if (!isUuid(id)) return undefined;
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return undefined;
    throw error;
  }
}

/** The confirmation a page shows after a form redirected to it with `?<flag>=…` (post, redirect, get). */
export function noticeAfter(request: FastifyRequest, flag: string, text: string): SafeHtml | undefined {
  return (request.query as Record<string, unknown>)[flag] ? alert('ok', text) : undefined;
}
