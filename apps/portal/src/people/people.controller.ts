import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, todayInAmsterdam, validateInput } from '@vir/common';
import { AppConfig } from '@vir/config';
import { SendInvitationCommand } from '@vir/identity';
import {
  ConfirmContactDetailsCommand,
  contactDetailsStale,
  DeactivateProfessionalCommand,
  DeactivateProfessionalQuery,
  UpdateContactDetailsDto,
  UpdateProfessionalCommand,
  EndStandInCommand,
  GetStandInQuery,
  ListProfessionalsQuery,
  SetStandInCommand,
  SetStandInDto,
} from '@vir/organisations';
import type { ProfessionalView, StandInView } from '@vir/organisations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fieldsOf, messagesFor } from '../casework/dutch';
import { alert } from '../html';
import { noticeAfter, orNotFound, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import {
  CONTACT_MESSAGES,
  contactForm,
  contactValues,
  deactivateForm,
  peopleList,
  StandInFormErrors,
  StandInFormValues,
  standInForm,
} from './people-views';

const COORDINATOR = ['coordinator'];

const NOTICES: Record<string, string> = {
  opgeslagen: 'De vervanging is opgeslagen.',
  bijgewerkt: 'De contactgegevens zijn opgeslagen en gelden als bevestigd.',
  bevestigd: 'De contactgegevens zijn bevestigd.',
  uitgenodigd: 'De uitnodiging is verstuurd.',
  afgemeld: 'De medewerker is afgemeld; wat hij of zij had lopen, staat nu bij de opvolger.',
};

const SUCCESSOR_MESSAGES: Record<string, string> = {
  SUCCESSOR_REQUIRED:
    'Deze medewerker heeft nog meldingen, matches of signalen lopen. Kies een opvolger die ze overneemt.',
  SUCCESSOR_INVALID: 'Kies als opvolger een andere medewerker of de contactpersoon van uw organisatie.',
  VALIDATION_FAILED: 'Kies als opvolger een andere medewerker of de contactpersoon van uw organisatie.',
  SUCCESSOR_ALREADY_REGISTERED:
    'Deze opvolger heeft zelf een melding over een van dezelfde jongeren en kan ze niet overnemen. Kies een ander.',
};

const FIELD_MESSAGES: Record<keyof StandInFormValues, string> = {
  standInId: 'Kies een collega met dezelfde rol.',
  from: 'Kies een eerste dag vanaf vandaag.',
  until: 'Kies een laatste dag op of na de eerste dag, hooguit een jaar later.',
};

/** The coordinator's "Medewerkers": the organisation's people and their stand-ins, through the API's use cases. */
@Controller('medewerkers')
export class PeoplePagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, COORDINATOR);
    if (!person) return;
    const people = await this.people(person);
    const months = this.config.CONTACT_DETAILS_STALE_MONTHS;
    const now = new Date();
    const rows = await Promise.all(
      people.map(async (p) => ({
        person: p,
        standIn: await this.standInOf(person, p.id),
        stale: contactDetailsStale(p.contactConfirmedAt, months, now),
      })),
    );
    const query = request.query as Record<string, unknown>;
    const notice = query['niet-uitgenodigd']
      ? alert('error', 'De uitnodiging kon nu niet worden verstuurd. Probeer het later opnieuw.')
      : Object.entries(NOTICES)
          .map(([flag, message]) => noticeAfter(request, flag, message))
          .find(Boolean);
    this.pages.send(
      reply,
      200,
      'Medewerkers',
      peopleList(rows, person.session.csrfToken, months, notice),
      person.session,
      '/medewerkers',
    );
  }

  @Get(':id/gegevens')
  async contactForm(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const person = await this.pages.person(request, reply, COORDINATOR);
    if (!person) return;
    const subject = (await this.people(person)).find((p) => p.id === id);
    if (!subject) return this.pages.notFound(reply, person.session, 'Medewerker');
    this.pages.send(
      reply,
      200,
      `Gegevens van ${subject.name}`,
      contactForm(subject, person.session.csrfToken, subject, {}),
      person.session,
      '/medewerkers',
    );
  }

  @Post(':id/gegevens')
  async updateContact(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, COORDINATOR);
    if (!person) return;
    const subject = (await this.people(person)).find((p) => p.id === id);
    if (!subject) return this.pages.notFound(reply, person.session, 'Medewerker');
    const values = contactValues(form);
    try {
      const input = await validateInput(UpdateContactDetailsDto, values);
      await this.commandBus.execute(
        new UpdateProfessionalCommand(person.principal, person.session.person.organisationId, id, input),
      );
      void reply.redirect('/medewerkers?bijgewerkt=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      this.pages.send(
        reply,
        error.status,
        `Gegevens van ${subject.name}`,
        contactForm(subject, person.session.csrfToken, values, messagesFor(error, CONTACT_MESSAGES)),
        person.session,
        '/medewerkers',
      );
    }
  }

  @Post(':id/bevestigen')
  async confirmContact(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, COORDINATOR);
    if (!person) return;
    const confirmed = await orNotFound(id, () =>
      this.commandBus.execute<ConfirmContactDetailsCommand, ProfessionalView>(
        new ConfirmContactDetailsCommand(person.principal, person.session.person.organisationId, id),
      ),
    );
    if (!confirmed) return this.pages.notFound(reply, person.session, 'Medewerker');
    void reply.redirect('/medewerkers?bevestigd=1', 303);
  }

  @Post(':id/uitnodigen')
  async invite(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, COORDINATOR);
    if (!person) return;
    if (!(await this.people(person)).some((p) => p.id === id))
      return this.pages.notFound(reply, person.session, 'Medewerker');
    try {
      await this.commandBus.execute(
        new SendInvitationCommand(person.principal, person.session.person.organisationId, id),
      );
      void reply.redirect('/medewerkers?uitgenodigd=1', 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      void reply.redirect('/medewerkers?niet-uitgenodigd=1', 303);
    }
  }

  @Get(':id/afmelden')
  async deactivateConfirm(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const person = await this.pages.person(request, reply, COORDINATOR);
    if (!person) return;
    await this.showDeactivate(reply, person, id, '', undefined, 200);
  }

  @Post(':id/afmelden')
  async deactivate(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, COORDINATOR);
    if (!person) return;
    const successorId = text(form, 'successorId', 36);
    const subject = (await this.people(person)).find((p) => p.id === id && p.role === 'professional');
    if (!subject) return this.pages.notFound(reply, person.session, 'Medewerker');
    try {
      const input = await validateInput(DeactivateProfessionalQuery, { successorId: successorId || undefined });
      await this.commandBus.execute(
        new DeactivateProfessionalCommand(
          person.principal,
          person.session.person.organisationId,
          id,
          input.successorId,
        ),
      );
      void reply.redirect('/medewerkers?afgemeld=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message = SUCCESSOR_MESSAGES[error.code];
      if (!message) throw error;
      await this.showDeactivate(reply, person, id, successorId, message, error.status);
    }
  }

  private async showDeactivate(
    reply: FastifyReply,
    person: PersonOnPage,
    id: string,
    value: string,
    error: string | undefined,
    status: number,
  ): Promise<void> {
    const people = await this.people(person);
    // Only a professional is afgemeld here; the administrator designates coordinators and follow-up officers.
    const subject = people.find((p) => p.id === id && p.role === 'professional');
    if (!subject) return this.pages.notFound(reply, person.session, 'Medewerker');
    const successors = people.filter((p) => p.id !== id && (p.role === 'professional' || p.role === 'coordinator'));
    this.pages.send(
      reply,
      status,
      `${subject.name} afmelden`,
      deactivateForm(subject, successors, person.session.csrfToken, value, error),
      person.session,
      '/medewerkers',
    );
  }

  @Get(':id/vervanger')
  async form(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, COORDINATOR);
    if (!person) return;
    const today = todayInAmsterdam(new Date());
    await this.showForm(reply, person, id, { from: today }, {}, 200);
  }

  @Post(':id/vervanger')
  async set(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, COORDINATOR);
    if (!person) return;
    const values: StandInFormValues = {
      standInId: text(form, 'standInId', 36),
      from: text(form, 'from', 10),
      until: text(form, 'until', 10),
    };
    try {
      const input = await validateInput(SetStandInDto, {
        standInId: values.standInId || undefined,
        from: values.from || undefined,
        until: values.until || undefined,
      });
      await this.commandBus.execute(
        new SetStandInCommand(person.principal, person.session.person.organisationId, id, input),
      );
      void reply.redirect('/medewerkers?opgeslagen=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (error.status === 404) return this.pages.notFound(reply, person.session, 'Medewerker');
      const fields = fieldsOf(error, {
        standInId: 'standInId',
        from: 'from',
        until: 'until',
      }) as (keyof StandInFormValues)[];
      const errors: StandInFormErrors = Object.fromEntries(fields.map((name) => [name, FIELD_MESSAGES[name]]));
      await this.showForm(reply, person, id, values, errors, error.status);
    }
  }

  @Post(':id/vervanger/einde')
  async end(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, COORDINATOR);
    if (!person) return;
    const ended = await orNotFound(id, async () => {
      await this.commandBus.execute(new EndStandInCommand(person.principal, person.session.person.organisationId, id));
      return true;
    });
    if (!ended) return this.pages.notFound(reply, person.session, 'Vervanging');
    void reply.redirect('/medewerkers?opgeslagen=1', 303);
  }

  private async showForm(
    reply: FastifyReply,
    person: PersonOnPage,
    id: string,
    values: StandInFormValues,
    errors: StandInFormErrors,
    status: number,
  ): Promise<void> {
    const people = await this.people(person);
    const subject = people.find((p) => p.id === id);
    if (!subject) return this.pages.notFound(reply, person.session, 'Medewerker');
    const colleagues = people.filter((p) => p.id !== id && p.role === subject.role);
    const current = await this.standInOf(person, id);
    this.pages.send(
      reply,
      status,
      `Vervanger voor ${subject.name}`,
      standInForm(subject, colleagues, current, person.session.csrfToken, values, errors),
      person.session,
      '/medewerkers',
    );
  }

  private async people(person: PersonOnPage): Promise<ProfessionalView[]> {
    const page: { items: ProfessionalView[] } = await this.queryBus.execute(
      new ListProfessionalsQuery(person.principal, person.session.person.organisationId, { active: true, limit: 200 }),
    );
    return page.items;
  }

  private standInOf(person: PersonOnPage, id: string): Promise<StandInView | undefined> {
    return orNotFound(id, () =>
      this.queryBus.execute(new GetStandInQuery(person.principal, person.session.person.organisationId, id)),
    );
  }
}
