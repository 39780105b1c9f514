import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppConfig } from '@vir/config';
import { GetSignalDigestQuery, SetSignalDigestCommand } from '@vir/organisations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { noticeAfter, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { myEmailPage } from './my-email-views';

/** Everyone who receives signals chooses for themselves. */
const RECIPIENTS = ['professional', 'coordinator', 'follow_up_officer'];

@Controller('mijn-email')
export class MyEmailPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, RECIPIENTS);
    if (!person) return;
    const daily: boolean = await this.queryBus.execute(new GetSignalDigestQuery(person.principal));
    const notice = noticeAfter(request, 'opgeslagen', 'Uw keuze is opgeslagen. Ze geldt voor nieuwe signalen.');
    const body = myEmailPage(person.session.csrfToken, daily, this.config.SIGNAL_DIGEST_HOUR, { notice });
    this.pages.send(reply, 200, 'Mijn e-mail', body, person.session, '/mijn-email');
  }

  @Post()
  async save(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, RECIPIENTS);
    if (!person) return;
    const choice = text(form, 'email', 20);
    if (choice !== 'dagelijks' && choice !== 'per-signaal') {
      const daily: boolean = await this.queryBus.execute(new GetSignalDigestQuery(person.principal));
      const body = myEmailPage(person.session.csrfToken, daily, this.config.SIGNAL_DIGEST_HOUR, {
        error: 'Kies hoe u e-mail over signalen wilt krijgen.',
      });
      return this.pages.send(reply, 400, 'Mijn e-mail', body, person.session, '/mijn-email');
    }
    await this.commandBus.execute(new SetSignalDigestCommand(person.principal, choice === 'dagelijks'));
    void reply.redirect('/mijn-email?opgeslagen=1', 303);
  }
}
