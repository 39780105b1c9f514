import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AppError, Clock, todayInAmsterdam, validateInput } from '@vir/common';
import { ReportDashboardQuery, StatisticsParams } from '@vir/privacy';
import type { DashboardView } from '@vir/privacy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { PersonOnPage, PortalPages, text } from '../portal-pages';
import { dashboardCsv } from './dashboard-csv';
import { DashboardFilterErrors, DashboardFilterValues, dashboardPage } from './dashboard-views';

const ADMINISTRATOR = ['administrator'];
const MESSAGES: Required<DashboardFilterValues> = {
  van: 'Vul een maand in als jjjj-mm, bijvoorbeeld 2026-01.',
  tot: 'Vul een maand in als jjjj-mm, op of na de maand bij Van en hoogstens 36 maanden later.',
};
const FIELDS = { from: 'van', to: 'tot' };

/** The month `count` months before `month` (YYYY-MM). */
function monthsBefore(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "Dashboard": the administrator's figures of the college (the statistics' query, as the API's). */
@Controller('dashboard')
export class DashboardPagesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const values = this.values(request);
    const outcome = await this.report(person, values);
    if ('errors' in outcome) return this.sendPage(reply, person, 400, null, values, outcome.errors);
    this.sendPage(reply, person, 200, outcome.view, values, {});
  }

  /** The same figures as a CSV download; a bad period shows the page with the message beside the field. */
  @Get('csv')
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const values = this.values(request);
    const outcome = await this.report(person, values);
    if ('errors' in outcome) return this.sendPage(reply, person, 400, null, values, outcome.errors);
    const { view } = outcome;
    void reply
      .status(200)
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="verwijsindex-${view.municipalityCode}-${view.from}-${view.to}.csv"`,
      )
      .send(dashboardCsv(view));
  }

  /** The period asked for; without one the last twelve months up to this one. */
  private values(request: FastifyRequest): Required<DashboardFilterValues> {
    const query = request.query as Record<string, unknown>;
    const thisMonth = todayInAmsterdam(this.clock.now()).slice(0, 7);
    return {
      van: text(query, 'van', 10).trim() || monthsBefore(thisMonth, 11),
      tot: text(query, 'tot', 10).trim() || thisMonth,
    };
  }

  private async report(
    person: PersonOnPage,
    values: Required<DashboardFilterValues>,
  ): Promise<{ view: DashboardView } | { errors: DashboardFilterErrors }> {
    try {
      const params = await validateInput(StatisticsParams, { from: values.van, to: values.tot });
      return { view: await this.queryBus.execute(new ReportDashboardQuery(person.principal, params)) };
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors: DashboardFilterErrors = messagesFor(error, MESSAGES, FIELDS);
      return { errors: Object.keys(errors).length > 0 ? errors : { tot: MESSAGES.tot } };
    }
  }

  private sendPage(
    reply: FastifyReply,
    person: PersonOnPage,
    status: number,
    view: DashboardView | null,
    values: DashboardFilterValues,
    errors: DashboardFilterErrors,
  ): void {
    this.pages.send(reply, status, 'Dashboard', dashboardPage(view, values, errors), person.session, '/dashboard');
  }
}
