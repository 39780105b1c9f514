import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, validateInput } from '@vir/common';
import {
  ChooseLeadCommand,
  ConfirmContactCommand,
  ConfirmContactDto,
  GetMatchQuery,
  MAX_NEXT_CHECK_DAYS,
  RecordEscalationActionCommand,
  RecordEscalationActionDto,
} from '@vir/matching';
import type { MatchView } from '@vir/matching';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { alert } from '../html';
import { EscalationFormErrors, EscalationFormValues, escalationSection } from '../follow-up/escalation-views';
import { orNotFound, PersonOnPage, PortalPages, text, texts } from '../portal-pages';
import type { Form } from '../portal-pages';
import { messagesFor } from './dutch';
import { matchPage } from './match-views';

/** Participants and their coordinators act on a match; the follow-up officer reads it (the handlers decide what each sees). */
const PARTICIPANTS = ['professional', 'coordinator', 'follow_up_officer'];

/** What the page confirms after an action (POST, then redirect, then this notice). */
const DONE: Record<string, string> = {
  contact: 'Vastgelegd: u heeft contact gehad.',
  regie: 'Vastgelegd: u heeft de regie.',
  afhandeling: 'De afhandeling van de escalatie is vastgelegd.',
};

const ESCALATION_MESSAGES: Required<Record<keyof EscalationFormValues, string>> = {
  contacted: 'Kies wie u heeft gesproken: een of meer betrokkenen.',
  outcome: 'Kies de uitkomst.',
  nextCheckOn: `Vul een dag na vandaag en binnen ${MAX_NEXT_CHECK_DAYS} dagen in waarop u opnieuw kijkt. Laat het leeg als het is opgelost.`,
};

/** A match page: the participants' contact cards, the lead, and "Ik heb contact gehad", through the API's use cases. */
@Controller('matches')
export class MatchPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, PARTICIPANTS);
    if (!person) return;
    const match = await orNotFound<MatchView>(id, () => this.queryBus.execute(new GetMatchQuery(person.principal, id)));
    if (!match) return this.pages.notFound(reply, person.session, 'Match');
    const done = (request.query as Record<string, unknown>).vastgelegd;
    const notice = typeof done === 'string' && DONE[done] ? alert('ok', DONE[done]) : undefined;
    this.show200(reply, person, match, notice);
  }

  @Post(':id/contact')
  confirm(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form) {
    return this.act(request, reply, form, id, 'contact', async (person) => {
      const input = await validateInput(ConfirmContactDto, {
        professionalId: person.session.person.personId,
        outcome: text(form, 'outcome', 32) || undefined,
      });
      return this.commandBus.execute(
        new ConfirmContactCommand(person.principal, id, input.professionalId, input.outcome),
      );
    });
  }

  @Post(':id/regie')
  lead(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form) {
    return this.act(request, reply, form, id, 'regie', (person) =>
      this.commandBus.execute(new ChooseLeadCommand(person.principal, id, person.session.person.personId)),
    );
  }

  @Post(':id/afhandeling')
  async handleEscalation(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ['follow_up_officer']);
    if (!person) return;
    const values: EscalationFormValues = {
      contacted: texts(form, 'contacted', 36),
      outcome: text(form, 'outcome', 24),
      nextCheckOn: text(form, 'nextCheckOn', 10),
    };
    try {
      const input = await validateInput(RecordEscalationActionDto, {
        contacted: values.contacted,
        outcome: values.outcome || undefined,
        nextCheckOn: values.nextCheckOn || undefined,
      });
      const match = await orNotFound(id, () =>
        this.commandBus.execute<RecordEscalationActionCommand, MatchView>(
          new RecordEscalationActionCommand(person.principal, id, input),
        ),
      );
      if (!match) return this.pages.notFound(reply, person.session, 'Match');
      void reply.redirect(`/matches/${match.id}?vastgelegd=afhandeling`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const match = await orNotFound<MatchView>(id, () =>
        this.queryBus.execute(new GetMatchQuery(person.principal, id)),
      );
      if (!match) return this.pages.notFound(reply, person.session, 'Match');
      const errors: EscalationFormErrors = messagesFor(error, ESCALATION_MESSAGES);
      const notice = Object.keys(errors).length
        ? undefined
        : alert('error', 'Dat kan niet meer: de match is gesloten of de escalatie is al afgehandeld.');
      this.show200(reply, person, match, notice, error.status, { values, errors });
    }
  }

  private async act(
    request: FastifyRequest,
    reply: FastifyReply,
    form: Form,
    id: string,
    done: keyof typeof DONE,
    run: (person: PersonOnPage) => Promise<MatchView>,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, PARTICIPANTS);
    if (!person) return;
    try {
      const match = await orNotFound(id, () => run(person));
      if (!match) return this.pages.notFound(reply, person.session, 'Match');
      void reply.redirect(`/matches/${match.id}?vastgelegd=${done}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const match = await orNotFound<MatchView>(id, () =>
        this.queryBus.execute(new GetMatchQuery(person.principal, id)),
      );
      if (!match) return this.pages.notFound(reply, person.session, 'Match');
      const why =
        error.code === 'MATCH_CLOSED'
          ? 'Deze match is gesloten.'
          : 'Dat kan alleen een betrokkene bij deze match (of diens vervanger).';
      this.show200(reply, person, match, alert('error', why), error.status);
    }
  }

  private show200(
    reply: FastifyReply,
    person: PersonOnPage,
    match: MatchView,
    notice?: ReturnType<typeof alert>,
    status = 200,
    form?: { values: EscalationFormValues; errors: EscalationFormErrors },
  ) {
    const officer = person.session.person.role === 'follow_up_officer';
    const followUp = escalationSection(match, { officer, csrf: person.session.csrfToken, ...form });
    this.pages.send(
      reply,
      status,
      'Match',
      matchPage(match, person.session.person.personId, person.session.csrfToken, notice, followUp),
      person.session,
      officer ? '/werklijst' : '/signalen',
    );
  }
}
