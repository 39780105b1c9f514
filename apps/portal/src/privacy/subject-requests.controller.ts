import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, validateInput, ValidationFailedError } from '@vir/common';
import {
  AnswerSubjectRequestCommand,
  AnswerSubjectRequestDto,
  entitledRequester,
  GetSubjectRequestQuery,
  ListSubjectRequestsQuery,
  RecordSubjectRequestCommand,
  RecordSubjectRequestDto,
  UpdateSubjectRequestCommand,
  UpdateSubjectRequestDto,
} from '@vir/privacy';
import type { SubjectRequestAnswerView, SubjectRequestView } from '@vir/privacy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { noticeAfter, orNotFound, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import {
  AdviceFormValues,
  AnswerFormValues,
  answerLetter,
  REQUESTER_LABELS,
  RequestFormValues,
  requestForm,
  requestPage,
  requestRegister,
} from './subject-request-views';

/** The college decides on subject requests; its privacy officer keeps the register, its administrator may too. */
const KEEPERS = ['privacy_officer', 'administrator'];

const REQUEST_MESSAGES: Required<RequestFormValues> = {
  kind: 'Kies wat er gevraagd wordt.',
  receivedOn: 'Vul de datum van ontvangst in; niet in de toekomst.',
  requestedBy: 'Kies wie het verzoek indiende.',
  youthBirthDate: 'Vul de geboortedatum van de jongere in, vóór de datum van ontvangst.',
  reference: 'Een kenmerk heeft hooguit 40 letters, cijfers, spaties of . _ / - en is nog niet gebruikt.',
};
const ADVICE_MESSAGES: Required<AdviceFormValues> = {
  adviceAskedOn: 'Vul een datum in op of na de ontvangst van het verzoek, niet in de toekomst.',
  adviceReceivedOn: 'Vul een datum in op of na de dag dat het advies gevraagd is, niet in de toekomst.',
};
const ANSWER_MESSAGES: Required<AnswerFormValues> = {
  bsn: 'Vul een geldig BSN in (9 cijfers).',
  birthDate: 'Vul de geboortedatum van de jongere in.',
  decision: 'Kies het besluit.',
};

/** "Verzoeken": the register of subject requests with the four-week term and the answer letter (privacy protocol 4.3). */
@Controller('verzoeken')
export class SubjectRequestPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPERS);
    if (!person) return;
    const requests: SubjectRequestView[] = await this.queryBus.execute(new ListSubjectRequestsQuery(person.principal));
    this.pages.send(reply, 200, 'Verzoeken van betrokkenen', requestRegister(requests), person.session, '/verzoeken');
  }

  @Get('nieuw')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPERS);
    if (!person) return;
    this.pages.send(
      reply,
      200,
      'Verzoek vastleggen',
      requestForm(person.session.csrfToken),
      person.session,
      '/verzoeken',
    );
  }

  @Post('nieuw')
  async record(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, KEEPERS);
    if (!person) return;
    const values: RequestFormValues = {
      kind: text(form, 'kind', 20),
      receivedOn: text(form, 'receivedOn', 10),
      requestedBy: text(form, 'requestedBy', 40),
      youthBirthDate: text(form, 'youthBirthDate', 10),
      reference: text(form, 'reference', 60),
    };
    try {
      const input = await validateInput(RecordSubjectRequestDto, {
        kind: values.kind || undefined,
        receivedOn: values.receivedOn || undefined,
        requestedBy: values.requestedBy || undefined,
        youthBirthDate: values.youthBirthDate || undefined,
        ...(values.reference?.trim() && { reference: values.reference }),
      });
      const created: SubjectRequestView = await this.commandBus.execute(
        new RecordSubjectRequestCommand(person.principal, input),
      );
      void reply.redirect(`/verzoeken/${created.id}?vastgelegd=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors = messagesFor(error, REQUEST_MESSAGES);
      if (error.code === 'REQUESTER_NOT_ENTITLED') {
        const entitled = entitledRequester(values.youthBirthDate ?? '', values.receivedOn ?? '');
        errors.requestedBy = `Bij deze leeftijd dient in: ${REQUESTER_LABELS[entitled].toLowerCase()} (Jeugdwet 7.1.5.1 lid 2).`;
      }
      this.pages.send(
        reply,
        400,
        'Verzoek vastleggen',
        requestForm(person.session.csrfToken, values, errors),
        person.session,
        '/verzoeken',
      );
    }
  }

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, KEEPERS);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Verzoek');
    const notice =
      noticeAfter(request, 'vastgelegd', 'Het verzoek is vastgelegd.') ??
      noticeAfter(request, 'advies', 'Het advies is vastgelegd.');
    this.pages.send(
      reply,
      200,
      `Verzoek ${found.reference}`,
      requestPage(found, person.session.csrfToken, notice),
      person.session,
      '/verzoeken',
    );
  }

  @Post(':id/advies')
  async advice(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, KEEPERS);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Verzoek');
    const values: AdviceFormValues = {
      adviceAskedOn: text(form, 'adviceAskedOn', 10),
      adviceReceivedOn: text(form, 'adviceReceivedOn', 10),
    };
    try {
      const input = await validateInput(UpdateSubjectRequestDto, {
        adviceAskedOn: values.adviceAskedOn || undefined,
        adviceReceivedOn: values.adviceReceivedOn || undefined,
      });
      await this.commandBus.execute(new UpdateSubjectRequestCommand(person.principal, id, input));
      void reply.redirect(`/verzoeken/${id}?advies=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors = messagesFor(error, ADVICE_MESSAGES);
      this.pages.send(
        reply,
        400,
        `Verzoek ${found.reference}`,
        requestPage(found, person.session.csrfToken, undefined, { advice: { values, errors } }),
        person.session,
        '/verzoeken',
      );
    }
  }

  @Post(':id/beantwoorden')
  async answer(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, KEEPERS);
    if (!person) return;
    const found = await this.find(person, id);
    if (!found) return this.pages.notFound(reply, person.session, 'Verzoek');
    const values: AnswerFormValues = { birthDate: text(form, 'birthDate', 10), decision: text(form, 'decision', 20) };
    try {
      const input = await validateInput(AnswerSubjectRequestDto, {
        youth: { bsn: text(form, 'bsn', 20).replace(/\s/g, '') || undefined, birthDate: values.birthDate || undefined },
        decision: values.decision || undefined,
      });
      if (!input.youth.bsn) throw new ValidationFailedError([{ field: 'youth.bsn', reason: 'required' }]);
      const answered: SubjectRequestAnswerView = await this.commandBus.execute(
        new AnswerSubjectRequestCommand(person.principal, id, input),
      );
      this.pages.send(
        reply,
        200,
        `Antwoordbrief ${found.reference}`,
        answerLetter(answered, `${person.session.person.name}, ${person.session.person.organisationName}`),
        person.session,
        '/verzoeken',
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors = messagesFor(error, ANSWER_MESSAGES, {
        'youth.bsn': 'bsn',
        'youth.birthDate': 'birthDate',
        youth: 'bsn',
      });
      let problem: string | undefined;
      if (error.code === 'YOUTH_NOT_OF_REQUEST')
        errors.birthDate = 'Deze geboortedatum past niet bij wie het verzoek indiende. Controleer de jongere.';
      if (error.code === 'REPORTER_ADVICE_NOT_ASKED')
        problem = 'Vraag eerst het advies van de melder en leg vast wanneer (Jeugdwet 7.1.5.2).';
      if (error.code === 'SUBJECT_REQUEST_ANSWERED') problem = 'Dit verzoek is al beantwoord.';
      this.pages.send(
        reply,
        400,
        `Verzoek ${found.reference}`,
        requestPage(found, person.session.csrfToken, undefined, { answer: { values, errors, problem } }),
        person.session,
        '/verzoeken',
      );
    }
  }

  private find(person: PersonOnPage, id: string): Promise<SubjectRequestView | undefined> {
    return orNotFound(id, () => this.queryBus.execute(new GetSubjectRequestQuery(person.principal, id)));
  }
}
