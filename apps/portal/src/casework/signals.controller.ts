import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AcknowledgeSignalCommand, GetSignalQuery, ListSignalsQuery } from '@vir/signals';
import type { SignalView } from '@vir/signals';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { orNotFound, PortalPages } from '../portal-pages';
import type { Form } from '../portal-pages';
import { signalInbox, signalPage } from './signal-views';

/** Professionals see their own signals, coordinators those of their organisation (the inbox handlers decide). */
const READERS = ['professional', 'coordinator'];

/** "Signalen": the inbox with contact cards and acknowledgement, through the API's use cases. */
@Controller('signalen')
export class SignalPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async inbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, READERS);
    if (!person) return;
    const found: { items: SignalView[] } = await this.queryBus.execute(
      new ListSignalsQuery(person.principal, { limit: 200 }),
    );
    this.pages.send(reply, 200, 'Signalen', signalInbox(found.items), person.session, '/signalen');
  }

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, READERS);
    if (!person) return;
    const signal = await orNotFound<SignalView>(id, () =>
      this.queryBus.execute(new GetSignalQuery(person.principal, id)),
    );
    if (!signal) return this.pages.notFound(reply, person.session, 'Signaal');
    this.pages.send(reply, 200, 'Signaal', signalPage(signal, person.session.csrfToken), person.session, '/signalen');
  }

  @Post(':id/gelezen')
  async acknowledge(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, READERS);
    if (!person) return;
    const signal: SignalView | undefined = await orNotFound(id, () =>
      this.commandBus.execute(new AcknowledgeSignalCommand(person.principal, id)),
    );
    if (!signal) return this.pages.notFound(reply, person.session, 'Signaal');
    void reply.redirect(`/signalen/${signal.id}`, 303);
  }
}
