import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { problem, PROBLEM_CONTENT_TYPE } from '@vir/common';
import { AppConfig } from '@vir/config';
import { OpenSession, ResumeSessionCommand } from '@vir/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { portalAssets } from './assets';
import { PortalCookies } from './cookies';

/** `GET /v1/me` for a portal session (the api answers the same path for a machine credential), and the styles. */
@Controller()
export class MeController {
  private readonly assets: Record<string, string>;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly cookies: PortalCookies,
    config: AppConfig,
  ) {
    this.assets = portalAssets(config.PORTAL_THEME_CSS);
  }

  @Get('v1/me')
  async me(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = this.cookies.read(request, this.cookies.session);
    const session: OpenSession | null = token ? await this.commandBus.execute(new ResumeSessionCommand(token)) : null;
    if (!session || session.stage !== 'active') {
      void reply
        .status(401)
        .type(PROBLEM_CONTENT_TYPE)
        .send({
          ...problem(401, 'SESSION_MISSING', 'Not logged in', 'Log in at /inloggen.'),
          correlationId: String(request.id),
        });
      return;
    }
    const { person } = session;
    void reply.send({
      kind: 'person',
      person: { id: person.personId, name: person.name, email: person.email },
      organisation: { id: person.organisationId, name: person.organisationName, kind: person.organisationKind },
      municipalityCode: person.municipalityCode,
      roles: [person.role],
      loginVia: session.loginMethod,
    });
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): void {
    const body = Object.hasOwn(this.assets, name) ? this.assets[name] : undefined;
    if (body === undefined) {
      void reply.status(404).type('text/plain').send('not found');
      return;
    }
    void reply.header('Cache-Control', 'public, max-age=3600').type('text/css; charset=utf-8').send(body);
  }
}
