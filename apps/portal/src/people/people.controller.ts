import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, todayInAmsterdam, validateInput } from '@vir/common';
import {
  EndStandInCommand,
  GetStandInQuery,
  ListProfessionalsQuery,
  SetStandInCommand,
  SetStandInDto,
} from '@vir/organisations';
import type { ProfessionalView, StandInView } from '@vir/organisations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fieldsOf } from '../casework/dutch';
import { noticeAfter, orNotFound, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { peopleList, StandInFormErrors, StandInFormValues, standInForm } from './people-views';

const COORDINATOR = ['coordinator'];

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
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, COORDINATOR);
    if (!person) return;
    const people = await this.people(person);
    const rows = await Promise.all(
      people.map(async (p) => ({ person: p, standIn: await this.standInOf(person, p.id) })),
    );
    const saved = noticeAfter(request, 'opgeslagen', 'De vervanging is opgeslagen.');
    this.pages.send(reply, 200, 'Medewerkers', peopleList(rows, saved), person.session, '/medewerkers');
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
