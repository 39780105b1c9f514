import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, Clock, todayInAmsterdam, validateInput } from '@vir/common';
import { ContactDirectory } from '@vir/organisations';
import {
  ComplaintsSummaryParams,
  GetComplaintQuery,
  ListComplaintsQuery,
  RecordComplaintCommand,
  RecordComplaintDto,
  SummariseComplaintsQuery,
  UpdateComplaintCommand,
  UpdateComplaintDto,
} from '@vir/privacy';
import type { ComplaintsSummaryView, ComplaintView } from '@vir/privacy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { noticeAfter, orNotFound, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import {
  ComplaintFormValues,
  complaintForm,
  complaintPage,
  complaintRegister,
  ForwardFormValues,
  ResponseFormValues,
} from './complaint-views';

/** The college's privacy officer keeps the register of complaints (privacy protocol art. 5). */
const KEEPERS = ['privacy_officer'];

const COMPLAINT_MESSAGES: Required<ComplaintFormValues> = {
  receivedOn: 'Vul de datum van ontvangst in; niet in de toekomst.',
  filedBy: 'Kies wie de klacht indiende.',
  topic: 'Kies waar de klacht over gaat.',
  concernsOrganisationId: 'Kies een partner van uw gemeente, of de verwijsindex zelf.',
  reference: 'Een kenmerk heeft hooguit 40 letters, cijfers, spaties of . _ / - en is nog niet gebruikt.',
};
const FORWARD_MESSAGES: Required<ForwardFormValues> = {
  forwardedOn: 'Vul een datum in op of na de ontvangst van de klacht, niet in de toekomst.',
};
const RESPONSE_MESSAGES: Required<ResponseFormValues> = {
  respondedOn: 'Vul de datum van de reactie in, op of na de ontvangst van de klacht en niet in de toekomst.',
  outcome: 'Kies de uitkomst.',
};

/** "Klachten": the register with the six-week term, the forwarding to a partner, the response and the year's counts. */
@Controller('klachten')
export class ComplaintPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
    private readonly contacts: ContactDirectory,
    private readonly clock: Clock,
  ) {}

  @Get()
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPERS);
    if (!person) return;
    const complaints: ComplaintView[] = await this.queryBus.execute(new ListComplaintsQuery(person.principal));
    const asked = text(request.query as Record<string, unknown>, 'jaar', 8).trim();
    const year = asked || todayInAmsterdam(this.clock.now()).slice(0, 4);
    try {
      const params = await validateInput(ComplaintsSummaryParams, { year });
      const summary: ComplaintsSummaryView = await this.queryBus.execute(
        new SummariseComplaintsQuery(person.principal, params),
      );
      this.pages.send(reply, 200, 'Klachten', complaintRegister(complaints, summary), person.session, '/klachten');
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message = 'Vul een jaar in van vier cijfers, bijvoorbeeld 2026.';
      this.pages.send(
        reply,
        400,
        'Klachten',
        complaintRegister(complaints, null, message),
        person.session,
        '/klachten',
      );
    }
  }

  @Get('nieuw')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPERS);
    if (!person) return;
    await this.sendForm(reply, person, 200, {}, {});
  }

  @Post('nieuw')
  async record(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, KEEPERS);
    if (!person) return;
    const values: ComplaintFormValues = {
      receivedOn: text(form, 'receivedOn', 10),
      filedBy: text(form, 'filedBy', 30),
      topic: text(form, 'topic', 30),
      concernsOrganisationId: text(form, 'concernsOrganisationId', 40),
      reference: text(form, 'reference', 60),
    };
    try {
      const input = await validateInput(RecordComplaintDto, {
        receivedOn: values.receivedOn || undefined,
        filedBy: values.filedBy || undefined,
        topic: values.topic || undefined,
        concernsOrganisationId: values.concernsOrganisationId || undefined,
        ...(values.reference?.trim() && { reference: values.reference }),
      });
      const created: ComplaintView = await this.commandBus.execute(new RecordComplaintCommand(person.principal, input));
      void reply.redirect(`/klachten/${created.id}?vastgelegd=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      await this.sendForm(reply, person, 400, values, messagesFor(error, COMPLAINT_MESSAGES));
    }
  }

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPERS);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Klacht');
    const notice =
      noticeAfter(request, 'vastgelegd', 'De klacht is vastgelegd.') ??
      noticeAfter(request, 'doorgestuurd', 'Het doorsturen is vastgelegd.') ??
      noticeAfter(request, 'reactie', 'De reactie is vastgelegd; de klacht is afgehandeld.');
    this.sendPage(reply, person, found, notice);
  }

  @Post(':id/doorgestuurd')
  async forward(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const values: ForwardFormValues = { forwardedOn: text(form, 'forwardedOn', 10) };
    await this.update(
      id,
      request,
      reply,
      form,
      'doorgestuurd',
      { forwardedOn: values.forwardedOn || undefined },
      (found, error) =>
        complaintPage(found, error.csrf, undefined, {
          forward: { values, errors: messagesFor(error.cause, FORWARD_MESSAGES) },
        }),
    );
  }

  @Post(':id/reactie')
  async respond(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const values: ResponseFormValues = {
      respondedOn: text(form, 'respondedOn', 10),
      outcome: text(form, 'outcome', 30),
    };
    await this.update(
      id,
      request,
      reply,
      form,
      'reactie',
      // Both or neither: an empty field is named by the use case beside its own field.
      { respondedOn: values.respondedOn || '', outcome: values.outcome || '' },
      (found, error) =>
        complaintPage(found, error.csrf, undefined, {
          respond: {
            values,
            errors: messagesFor(error.cause, RESPONSE_MESSAGES),
            problem: error.cause.code === 'COMPLAINT_CLOSED' ? 'Deze klacht is al afgehandeld.' : undefined,
          },
        }),
    );
  }

  /** Runs the update the form asks for; a refusal shows the complaint again with the message beside the field. */
  private async update(
    id: string,
    request: FastifyRequest,
    reply: FastifyReply,
    form: Form,
    flag: string,
    changes: Record<string, string | undefined>,
    refused: (found: ComplaintView, error: { cause: AppError; csrf: string }) => ReturnType<typeof complaintPage>,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, KEEPERS);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Klacht');
    try {
      const input = await validateInput(UpdateComplaintDto, changes);
      await this.commandBus.execute(new UpdateComplaintCommand(person.principal, id, input));
      void reply.redirect(`/klachten/${id}?${flag}=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const body = refused(found, { cause: error, csrf: person.session.csrfToken });
      this.pages.send(reply, 400, `Klacht ${found.reference}`, body, person.session, '/klachten');
    }
  }

  private async sendForm(
    reply: FastifyReply,
    person: PersonOnPage,
    status: number,
    values: ComplaintFormValues,
    errors: ComplaintFormValues,
  ): Promise<void> {
    const partners = await this.contacts.organisationsOfCollege(person.principal.municipalityCode);
    const body = complaintForm(person.session.csrfToken, partners, values, errors);
    this.pages.send(reply, status, 'Klacht vastleggen', body, person.session, '/klachten');
  }

  private sendPage(
    reply: FastifyReply,
    person: PersonOnPage,
    found: ComplaintView,
    notice?: ReturnType<typeof noticeAfter>,
  ): void {
    const body = complaintPage(found, person.session.csrfToken, notice);
    this.pages.send(reply, 200, `Klacht ${found.reference}`, body, person.session, '/klachten');
  }

  private find(person: PersonOnPage, id: string): Promise<ComplaintView | undefined> {
    return orNotFound(id, () => this.queryBus.execute(new GetComplaintQuery(person.principal, id)));
  }
}
