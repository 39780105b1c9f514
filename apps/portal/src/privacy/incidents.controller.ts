import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, validateInput } from '@vir/common';
import { ListIncidentsQuery, ReportIncidentCommand, ReportIncidentDto } from '@vir/privacy';
import type { IncidentView } from '@vir/privacy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { amsterdamLocalToIso } from './amsterdam-time';
import { IncidentFormValues, incidentForm, incidentRegister, incidentReported } from './incident-views';

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
}
