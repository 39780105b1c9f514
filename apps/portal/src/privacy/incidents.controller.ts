import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { amsterdamLocalToIso, AppError, validateInput } from '@vir/common';
import {
  AddIncidentUpdateCommand,
  AddIncidentUpdateDto,
  GetIncidentQuery,
  ListIncidentsQuery,
  RecordAuthorityDecisionCommand,
  RecordAuthorityDecisionDto,
  ReportIncidentCommand,
  ReportIncidentDto,
} from '@vir/privacy';
import type { IncidentView } from '@vir/privacy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { noticeAfter, orNotFound, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import {
  DecisionFormValues,
  IncidentFormValues,
  incidentForm,
  incidentPage,
  incidentRegister,
  incidentReported,
  UpdateFormValues,
} from './incident-views';

const KEEPER = ['privacy_officer'];
const DECISION_MESSAGES: Required<DecisionFormValues> = {
  decision: 'Kies of het datalek gemeld is bij de Autoriteit Persoonsgegevens.',
  authorityReference: 'Een meldnummer hoort alleen bij een melding, en heeft hooguit 100 tekens.',
};
const UPDATE_MESSAGES: Required<UpdateFormValues> = {
  summary: 'Beschrijf wat er nieuw is en welke maatregelen genomen zijn (hooguit 2000 tekens).',
  closes: 'Vink dit aan of laat het leeg.',
};

/** Every organisation's coordinator reports a breach (privacy protocol art. 8); so do the college's own staff. */
const REPORTERS = ['coordinator', 'administrator', 'privacy_officer'];

/** "Datalek melden" and the privacy officer's register of breaches with the 24- and 72-hour clocks. */
@Controller('datalekken')
export class IncidentPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ['privacy_officer']);
    if (!person) return;
    const incidents: IncidentView[] = await this.queryBus.execute(new ListIncidentsQuery(person.principal));
    this.pages.send(reply, 200, 'Datalekken', incidentRegister(incidents, new Date()), person.session, '/datalekken');
  }

  @Get('melden')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, REPORTERS);
    if (!person) return;
    this.pages.send(
      reply,
      200,
      'Datalek melden',
      incidentForm(person.session.csrfToken),
      person.session,
      '/datalekken/melden',
    );
  }

  @Post('melden')
  async report(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, REPORTERS);
    if (!person) return;
    const values: IncidentFormValues = {
      summary: text(form, 'summary', 2000),
      occurredAt: text(form, 'occurredAt', 16),
    };
    const show = (errors: Partial<IncidentFormValues>) =>
      this.pages.send(
        reply,
        400,
        'Datalek melden',
        incidentForm(person.session.csrfToken, values, errors),
        person.session,
        '/datalekken/melden',
      );
    const occurredAt = values.occurredAt ? amsterdamLocalToIso(values.occurredAt) : undefined;
    if (values.occurredAt && (!occurredAt || Date.parse(occurredAt) > Date.now()))
      return show({ occurredAt: 'Vul een datum en tijd in die niet in de toekomst ligt.' });
    try {
      const input = await validateInput(ReportIncidentDto, {
        summary: values.summary?.trim() ? values.summary : undefined,
        ...(occurredAt && { occurredAt }),
      });
      const incident: IncidentView = await this.commandBus.execute(new ReportIncidentCommand(person.principal, input));
      this.pages.send(
        reply,
        201,
        'Datalek gemeld',
        incidentReported(incident, new Date()),
        person.session,
        '/datalekken/melden',
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      show({ summary: 'Beschrijf wat er gebeurde en wat u al deed.' });
    }
  }

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPER);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Datalek');
    const notice =
      noticeAfter(request, 'besluit', 'Het besluit is vastgelegd.') ??
      noticeAfter(request, 'update', 'De update gaat nu per e-mail naar alle partners.');
    this.pages.send(
      reply,
      200,
      `Datalek ${found.reference}`,
      incidentPage(found, person.session.csrfToken, new Date(), notice),
      person.session,
      '/datalekken',
    );
  }

  @Post(':id/besluit')
  async decide(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const values: DecisionFormValues = {
      decision: text(form, 'decision', 20),
      authorityReference: text(form, 'authorityReference', 120),
    };
    await this.follow(
      id,
      request,
      reply,
      form,
      'besluit',
      async (principal) => {
        const input = await validateInput(RecordAuthorityDecisionDto, {
          decision: values.decision || undefined,
          ...(values.authorityReference?.trim() && { authorityReference: values.authorityReference }),
        });
        await this.commandBus.execute(new RecordAuthorityDecisionCommand(principal, id, input));
      },
      (error) => ({
        decision: {
          values,
          errors:
            error.code === 'AUTHORITY_DECISION_RECORDED'
              ? { decision: 'Het besluit over dit datalek is al vastgelegd.' }
              : messagesFor(error, DECISION_MESSAGES),
        },
      }),
    );
  }

  @Post(':id/update')
  async update(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const values: UpdateFormValues = { summary: text(form, 'summary', 2100), closes: text(form, 'closes', 4) };
    await this.follow(
      id,
      request,
      reply,
      form,
      'update',
      async (principal) => {
        const input = await validateInput(AddIncidentUpdateDto, {
          summary: values.summary?.trim() ? values.summary : undefined,
          closes: values.closes === 'ja',
        });
        await this.commandBus.execute(new AddIncidentUpdateCommand(principal, id, input));
      },
      (error) => ({
        update: {
          values,
          errors: messagesFor(error, UPDATE_MESSAGES),
          problem:
            error.code === 'INCIDENT_CLOSED' ? 'Dit datalek is afgesloten; er volgt geen update meer.' : undefined,
        },
      }),
    );
  }

  /** Runs a follow-up step of the privacy officer; a refusal shows the breach again with the message beside the field. */
  private async follow(
    id: string,
    request: FastifyRequest,
    reply: FastifyReply,
    form: Form,
    flag: string,
    run: (principal: PersonOnPage['principal']) => Promise<void>,
    refused: (error: AppError) => Parameters<typeof incidentPage>[4],
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, KEEPER);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Datalek');
    try {
      await run(person.principal);
      void reply.redirect(`/datalekken/${id}?${flag}=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const body = incidentPage(found, person.session.csrfToken, new Date(), undefined, refused(error));
      this.pages.send(reply, 400, `Datalek ${found.reference}`, body, person.session, '/datalekken');
    }
  }

  private find(person: PersonOnPage, id: string): Promise<IncidentView | undefined> {
    return orNotFound(id, () => this.queryBus.execute(new GetIncidentQuery(person.principal, id)));
  }
}
