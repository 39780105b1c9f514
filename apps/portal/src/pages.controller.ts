import { All, Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError } from '@vir/common';
import {
  AcceptedInvitation,
  AcceptInvitationCommand,
  ActiveLogin,
  ConfirmSecondFactorCommand,
  FinishSsoLoginCommand,
  GetInvitationQuery,
  InvitationView,
  ListSsoOrganisationsQuery,
  LogInCommand,
  LogOutCommand,
  OpenSession,
  PendingLogin,
  sameSecret,
  SsoOrganisation,
  SsoRedirect,
  SsoRefusedError,
  StartSsoLoginCommand,
} from '@vir/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { PortalCookies } from './cookies';
import { alert, SafeHtml } from './html';
import { codePage, homePage, invitationPage, LoginForm, loginPage, recoveryCodesPage } from './login-pages';
import { PortalPages, returnPath, text } from './portal-pages';
import type { Form } from './portal-pages';

/** The login, invitation and start pages. Every state-changing form carries a CSRF token. */
@Controller()
export class PagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly cookies: PortalCookies,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.session(request);
    if (!session || session.stage !== 'active')
      return this.toLogin(reply, request, session === null && this.hadSession(request));
    this.pages.send(reply, 200, 'Start', homePage(session.person), session, '/');
  }

  @Get('inloggen')
  async loginForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = request.query as Record<string, string | undefined>;
    const notice = query.verlopen
      ? alert('info', 'Uw sessie is verlopen. Log opnieuw in.')
      : query.uitgelogd
        ? alert('ok', 'U bent uitgelogd.')
        : undefined;
    await this.showLogin(request, reply, 200, { notice, back: returnPath(query.terug) });
  }

  @Get('inloggen/sso/terug')
  async ssoReturn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const callback = new URL(request.url, this.cookies.portalUrl);
    const state = this.cookies.read(request, this.cookies.ssoState);
    this.cookies.clear(reply, this.cookies.ssoState);
    try {
      const login: ActiveLogin = await this.commandBus.execute(
        new FinishSsoLoginCommand(callback, state, String(request.id)),
      );
      this.cookies.set(reply, this.cookies.session, login.token);
      void reply.redirect('/', 303);
    } catch (error) {
      if (!(error instanceof SsoRefusedError)) throw error;
      await this.showLogin(request, reply, 401, { notice: alert('error', SSO_REFUSALS[error.reason]) });
    }
  }

  @Get('inloggen/sso/:organisationId')
  async ssoStart(
    @Param('organisationId') organisationId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const redirect: SsoRedirect = await this.commandBus.execute(new StartSsoLoginCommand(organisationId));
      this.cookies.set(reply, this.cookies.ssoState, redirect.state);
      void reply.redirect(redirect.url, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const notice = alert(
        'error',
        error.code === 'SSO_REFUSED'
          ? SSO_REFUSALS['provider-unreachable']
          : 'Deze organisatie logt niet in via een eigen inlogsysteem.',
      );
      await this.showLogin(request, reply, error.status, { notice });
    }
  }

  @Post('inloggen')
  async logIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    if (!this.formTokenMatches(request, form)) return this.refuseForgery(reply);
    const email = text(form, 'email', 254).trim();
    const password = text(form, 'password');
    const back = returnPath(form.terug);
    if (!email || !password) {
      return this.showLogin(request, reply, 400, {
        back,
        email,
        emailError: email ? undefined : 'Vul uw e-mailadres in.',
        passwordError: password ? undefined : 'Vul uw wachtwoord in.',
      });
    }
    try {
      const pending: PendingLogin = await this.commandBus.execute(
        new LogInCommand(email, password, request.ip, String(request.id)),
      );
      this.cookies.set(reply, this.cookies.session, pending.token);
      void reply.redirect(`/inloggen/verificatiecode${back ? `?terug=${encodeURIComponent(back)}` : ''}`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const blocked = error.code !== 'LOGIN_REFUSED';
      await this.showLogin(request, reply, error.status, {
        back,
        email,
        passwordError: blocked ? undefined : 'Het e-mailadres of het wachtwoord klopt niet.',
        notice: blocked ? alert('error', dutch(error)) : undefined,
      });
    }
  }

  @Get('inloggen/verificatiecode')
  async codeForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.session(request);
    if (!session || session.stage !== 'second_factor') return this.toLogin(reply, request, this.hadSession(request));
    const back = returnPath((request.query as Record<string, unknown>).terug);
    this.send(reply, 200, 'Verificatiecode', codePage(session.csrfToken, undefined, back));
  }

  @Post('inloggen/verificatiecode')
  async confirmCode(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const session = await this.session(request);
    if (!session || session.stage !== 'second_factor') return this.toLogin(reply, request, true);
    if (!sameSecret(text(form, 'csrf', 64), session.csrfToken)) return this.refuseForgery(reply);
    const code = text(form, 'code', 32).trim();
    const back = returnPath(form.terug);
    if (!code)
      return this.send(reply, 400, 'Verificatiecode', codePage(session.csrfToken, 'Vul de code uit uw app in.', back));
    try {
      const login: ActiveLogin = await this.commandBus.execute(
        new ConfirmSecondFactorCommand(
          this.cookies.read(request, this.cookies.session) ?? '',
          code,
          request.ip,
          String(request.id),
        ),
      );
      this.cookies.set(reply, this.cookies.session, login.token);
      void reply.redirect(back ?? '/', 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'LOGIN_REFUSED')
        return this.send(
          reply,
          401,
          'Verificatiecode',
          codePage(session.csrfToken, 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code.', back),
        );
      this.cookies.clear(reply, this.cookies.session);
      await this.showLogin(request, reply, error.status, { notice: alert('error', dutch(error)) });
    }
  }

  @Post('uitloggen')
  async logOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const session = await this.session(request);
    if (!session) return this.toLogin(reply, request, false);
    if (!sameSecret(text(form, 'csrf', 64), session.csrfToken)) return this.refuseForgery(reply);
    await this.commandBus.execute(new LogOutCommand(session, String(request.id)));
    this.cookies.clear(reply, this.cookies.session);
    void reply.redirect('/inloggen?uitgelogd=1', 303);
  }

  @Get('uitnodiging/:token')
  async invitation(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csrf = this.formToken(request, reply);
    try {
      const view: InvitationView = await this.queryBus.execute(new GetInvitationQuery(token));
      this.send(reply, 200, 'Account activeren', invitationPage(`/uitnodiging/${token}`, csrf, view));
    } catch (error) {
      this.invitationGone(reply, error);
    }
  }

  @Post('uitnodiging/:token')
  async acceptInvitation(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const csrf = this.formToken(request, reply);
    if (!this.formTokenMatches(request, form)) return this.refuseForgery(reply);
    try {
      const accepted: AcceptedInvitation = await this.commandBus.execute(
        new AcceptInvitationCommand(
          token,
          text(form, 'password', 1024),
          text(form, 'passwordRepeat', 1024),
          text(form, 'code', 32),
          String(request.id),
        ),
      );
      this.send(reply, 200, 'Account geactiveerd', recoveryCodesPage(accepted.recoveryCodes));
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INVITATION_UNUSABLE')
        return this.invitationGone(reply, error);
      const view: InvitationView = await this.queryBus.execute(new GetInvitationQuery(token));
      const fieldName = (error.fields[0]?.field ?? 'password') as 'password' | 'passwordRepeat' | 'code';
      this.send(
        reply,
        400,
        'Account activeren',
        invitationPage(`/uitnodiging/${token}`, csrf, { ...view, errors: { [fieldName]: dutch(error) } }),
      );
    }
  }

  @All('*')
  @HttpCode(404)
  notFound(@Res() reply: FastifyReply): void {
    this.send(
      reply,
      404,
      'Pagina niet gevonden',
      new SafeHtml(
        '<p class="utrecht-paragraph">Deze pagina bestaat niet. <a class="utrecht-link" href="/">Naar de start</a></p>',
      ),
    );
  }

  /** The login page (again), with a notice or the fields at fault, and the organisations' own providers. */
  private async showLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: LoginForm,
  ): Promise<void> {
    const csrf = this.formToken(request, reply);
    const sso: SsoOrganisation[] = await this.queryBus.execute(new ListSsoOrganisationsQuery());
    this.send(reply, status, 'Inloggen', loginPage(csrf, { ...form, sso }));
  }

  private invitationGone(reply: FastifyReply, error: unknown): void {
    if (!(error instanceof AppError)) throw error;
    this.send(
      reply,
      410,
      'Uitnodiging verlopen',
      alert(
        'error',
        'Deze uitnodiging is verlopen of al gebruikt. Vraag uw contactpersoon verwijsindex of de beheerder om een nieuwe.',
      ),
    );
  }

  private session(request: FastifyRequest): Promise<OpenSession | null> {
    return this.pages.session(request);
  }

  private hadSession(request: FastifyRequest): boolean {
    return this.pages.hadSession(request);
  }

  private toLogin(reply: FastifyReply, request: FastifyRequest, expired: boolean): void {
    this.pages.toLogin(reply, request, expired);
  }

  /** The double-submit token of forms shown before a session exists (login, invitation). */
  private formToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = this.cookies.read(request, this.cookies.formToken);
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const token = randomBytes(32).toString('base64url');
    this.cookies.set(reply, this.cookies.formToken, token);
    (request.cookies as Record<string, string>)[this.cookies.formToken] = token;
    return token;
  }

  private formTokenMatches(request: FastifyRequest, form: Form): boolean {
    const cookie = this.cookies.read(request, this.cookies.formToken);
    return cookie !== undefined && sameSecret(text(form, 'csrf', 64), cookie);
  }

  private refuseForgery(reply: FastifyReply): void {
    this.pages.refuseForgery(reply);
  }

  private send(reply: FastifyReply, status: number, title: string, body: SafeHtml, session?: OpenSession | null): void {
    this.pages.send(reply, status, title, body, session);
  }
}

const SSO_REFUSALS: Record<SsoRefusedError['reason'], string> = {
  state: 'Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw.',
  denied: 'Het inloggen bij uw organisatie is afgebroken.',
  provider:
    'Het inlogsysteem van uw organisatie gaf een antwoord dat niet klopt. Probeer het opnieuw of vraag de beheerder.',
  'provider-unreachable': 'Het inlogsysteem van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.',
  'email-unverified': 'Uw organisatie heeft uw e-mailadres niet bevestigd. Vraag uw eigen beheerder om dat te doen.',
  'unknown-person':
    'U bent (nog) niet aangemeld bij de verwijsindex. Vraag uw contactpersoon verwijsindex om u aan te melden.',
};

/** The Dutch text of an error the identity lib raises (its own detail is for integrators, in English). */
function dutch(error: AppError): string {
  switch (error.code) {
    case 'ACCOUNT_LOCKED':
      return 'Te vaak een verkeerd wachtwoord of een verkeerde code. Uw account is tijdelijk geblokkeerd; probeer het later opnieuw of vraag om een nieuwe uitnodiging.';
    case 'LOGIN_THROTTLED':
      return 'Te veel mislukte pogingen vanaf uw adres. Probeer het over een kwartier opnieuw.';
    case 'SESSION_MISSING':
      return 'Uw sessie is verlopen. Log opnieuw in.';
    case 'PASSWORD_TOO_SHORT':
      return 'Kies een wachtwoord van minstens 12 tekens.';
    case 'PASSWORDS_DIFFER':
      return 'De twee wachtwoorden zijn niet gelijk.';
    case 'TOTP_CODE_WRONG':
      return 'Deze code klopt niet. Typ de code die de app nu toont.';
    case 'EMAIL_IN_USE':
      return 'Met dit e-mailadres logt al iemand anders in. Vraag de beheerder om uw e-mailadres te controleren.';
    default:
      return 'Dat lukte niet. Probeer het opnieuw.';
  }
}
