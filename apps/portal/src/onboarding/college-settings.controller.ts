import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, validateInput } from '@vir/common';
import { AppConfig } from '@vir/config';
import { GetOrganisationQuery, UpdateOrganisationCommand, UpdateOrganisationDto } from '@vir/organisations';
import type { OrganisationView } from '@vir/organisations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { noticeAfter, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { CollegeSettingsValues, collegeSettingsForm } from './college-settings-views';

const ADMINISTRATOR = ['administrator'];

const MESSAGES: Required<CollegeSettingsValues> = {
  followUpReminderWorkingDays: 'Vul een aantal werkdagen in van 1 tot en met 60, of laat het veld leeg.',
  followUpEscalationWorkingDays:
    'Vul een aantal werkdagen in van 1 tot en met 120, na de herinnering, of laat het veld leeg.',
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
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const gemeente = await this.gemeente(person);
    const notice = noticeAfter(
      request,
      'opgeslagen',
      'De instellingen zijn opgeslagen. Ze gelden voor nieuwe matches.',
    );
    this.send(reply, person, 200, this.valuesOf(gemeente), {}, notice);
  }

  @Post()
  async save(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const values: Required<CollegeSettingsValues> = {
      followUpReminderWorkingDays: text(form, 'followUpReminderWorkingDays', 8),
      followUpEscalationWorkingDays: text(form, 'followUpEscalationWorkingDays', 8),
    };
    const reminder = workingDays(values.followUpReminderWorkingDays);
    const escalation = workingDays(values.followUpEscalationWorkingDays);
    const effective = (v: number | string | null, fallback: number) => (typeof v === 'number' ? v : fallback);
    try {
      if (
        effective(escalation, this.config.FOLLOW_UP_ESCALATION_WORKING_DAYS) <=
        effective(reminder, this.config.FOLLOW_UP_REMINDER_WORKING_DAYS)
      )
        return this.send(reply, person, 422, values, {
          followUpEscalationWorkingDays: MESSAGES.followUpEscalationWorkingDays,
        });
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
      this.send(reply, person, error.status, values, messagesFor(error, MESSAGES));
    }
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
        notice,
      ),
      person.session,
      '/instellingen',
    );
  }
}
