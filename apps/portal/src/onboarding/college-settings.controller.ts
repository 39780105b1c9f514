import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, Clock, isCalendarDate, isWorkingDay, todayInAmsterdam, validateInput } from '@vir/common';
import { AppConfig } from '@vir/config';
import {
  FOLLOW_UP_CLOSING_DAYS_MAX,
  GetOrganisationQuery,
  UpdateOrganisationCommand,
  UpdateOrganisationDto,
} from '@vir/organisations';
import type { OrganisationView } from '@vir/organisations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { noticeAfter, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { ClosingDaysState, CollegeSettingsValues, collegeSettingsForm } from './college-settings-views';

const ADMINISTRATOR = ['administrator'];

const MESSAGES: Required<CollegeSettingsValues> = {
  followUpReminderWorkingDays: 'Vul een aantal werkdagen in van 1 tot en met 60, of laat het veld leeg.',
  followUpEscalationWorkingDays:
    'Vul een aantal werkdagen in van 1 tot en met 120, na de herinnering, of laat het veld leeg.',
};

const CLOSING_DAY_MESSAGES = {
  invalid: 'Vul een bestaande datum in, bijvoorbeeld 28-12-2026.',
  past: 'Kies vandaag of een dag in de toekomst.',
  notWorkingDay: 'Dit is al geen werkdag: weekenden en feestdagen tellen nooit mee.',
  known: 'Deze dag staat al in de lijst.',
  full: `Er staan al ${FOLLOW_UP_CLOSING_DAYS_MAX} sluitingsdagen in de lijst. Verwijder eerst een dag.`,
};

/** A whole number as typed, or the text itself so that validation names the field; empty is "the default". */
function workingDays(value: string): number | string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** "Instellingen": the college's follow-up deadlines, kept on the gemeente's own organisation (as in the API). */
@Controller('instellingen')
export class CollegeSettingsPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const gemeente = await this.gemeente(person);
    const notice =
      noticeAfter(request, 'opgeslagen', 'De instellingen zijn opgeslagen. Ze gelden voor nieuwe matches.') ??
      noticeAfter(request, 'dag-toegevoegd', 'De sluitingsdag is toegevoegd. Hij geldt voor nieuwe matches.') ??
      noticeAfter(request, 'dag-verwijderd', 'De sluitingsdag is verwijderd.');
    this.send(reply, person, 200, this.valuesOf(gemeente), {}, this.closingOf(gemeente), notice);
  }

  @Post()
  async save(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const values: Required<CollegeSettingsValues> = {
      followUpReminderWorkingDays: text(form, 'followUpReminderWorkingDays', 8),
      followUpEscalationWorkingDays: text(form, 'followUpEscalationWorkingDays', 8),
    };
    // Only a refusal shows the page again, with the closing days as they are.
    const closing = async () => this.closingOf(await this.gemeente(person));
    const reminder = workingDays(values.followUpReminderWorkingDays);
    const escalation = workingDays(values.followUpEscalationWorkingDays);
    const effective = (v: number | string | null, fallback: number) => (typeof v === 'number' ? v : fallback);
    try {
      if (
        effective(escalation, this.config.FOLLOW_UP_ESCALATION_WORKING_DAYS) <=
        effective(reminder, this.config.FOLLOW_UP_REMINDER_WORKING_DAYS)
      )
        return this.send(
          reply,
          person,
          422,
          values,
          { followUpEscalationWorkingDays: MESSAGES.followUpEscalationWorkingDays },
          await closing(),
        );
      const input = await validateInput(UpdateOrganisationDto, {
        followUpReminderWorkingDays: reminder,
        followUpEscalationWorkingDays: escalation,
      });
      await this.commandBus.execute(
        new UpdateOrganisationCommand(person.principal, person.session.person.organisationId, input),
      );
      void reply.redirect('/instellingen?opgeslagen=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      this.send(reply, person, error.status, values, messagesFor(error, MESSAGES), await closing());
    }
  }

  @Post('sluitingsdagen')
  async addClosingDay(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const gemeente = await this.gemeente(person);
    const closing = this.closingOf(gemeente);
    const day = text(form, 'closingDay', 10).trim();
    const problem = !isCalendarDate(day)
      ? CLOSING_DAY_MESSAGES.invalid
      : day < this.today()
        ? CLOSING_DAY_MESSAGES.past
        : !isWorkingDay(day)
          ? CLOSING_DAY_MESSAGES.notWorkingDay
          : closing.upcoming.includes(day)
            ? CLOSING_DAY_MESSAGES.known
            : closing.upcoming.length >= FOLLOW_UP_CLOSING_DAYS_MAX
              ? CLOSING_DAY_MESSAGES.full
              : undefined;
    if (problem)
      return this.send(
        reply,
        person,
        422,
        this.valuesOf(gemeente),
        {},
        { ...closing, closingDay: day, error: problem },
      );
    await this.saveClosingDays(person, [...closing.upcoming, day]);
    void reply.redirect('/instellingen?dag-toegevoegd=1', 303);
  }

  @Post('sluitingsdagen/verwijderen')
  async removeClosingDay(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const day = text(form, 'day', 10);
    const { upcoming } = this.closingOf(await this.gemeente(person));
    if (upcoming.includes(day))
      await this.saveClosingDays(
        person,
        upcoming.filter((d) => d !== day),
      );
    void reply.redirect('/instellingen?dag-verwijderd=1', 303);
  }

  /** Replaces the list; days gone by are dropped on the way, as they no longer move any deadline. */
  private async saveClosingDays(person: PersonOnPage, days: string[]): Promise<void> {
    const input = await validateInput(UpdateOrganisationDto, { followUpClosingDays: days });
    await this.commandBus.execute(
      new UpdateOrganisationCommand(person.principal, person.session.person.organisationId, input),
    );
  }

  private today(): string {
    return todayInAmsterdam(this.clock.now());
  }

  private closingOf(gemeente: OrganisationView): ClosingDaysState {
    const today = this.today();
    return { upcoming: gemeente.followUpClosingDays.filter((day) => day >= today) };
  }

  private gemeente(person: PersonOnPage): Promise<OrganisationView> {
    return this.queryBus.execute(new GetOrganisationQuery(person.principal, person.session.person.organisationId));
  }

  private valuesOf(gemeente: OrganisationView): CollegeSettingsValues {
    return {
      followUpReminderWorkingDays: gemeente.followUpReminderWorkingDays?.toString() ?? '',
      followUpEscalationWorkingDays: gemeente.followUpEscalationWorkingDays?.toString() ?? '',
    };
  }

  private send(
    reply: FastifyReply,
    person: PersonOnPage,
    status: number,
    values: CollegeSettingsValues,
    errors: CollegeSettingsValues,
    closing: ClosingDaysState,
    notice?: ReturnType<typeof noticeAfter>,
  ): void {
    this.pages.send(
      reply,
      status,
      'Instellingen van het college',
      collegeSettingsForm(
        person.session.csrfToken,
        values,
        errors,
        {
          reminder: this.config.FOLLOW_UP_REMINDER_WORKING_DAYS,
          escalation: this.config.FOLLOW_UP_ESCALATION_WORKING_DAYS,
        },
        closing,
        notice,
      ),
      person.session,
      '/instellingen',
    );
  }
}
