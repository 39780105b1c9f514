import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AuditChain, AuditEventsParams, ListAuditEventsQuery } from '@vir/audit';
import type { AuditEventPage, VerifyResult } from '@vir/audit';
import { addDays, amsterdamLocalToIso, AppError, validateInput } from '@vir/common';
import { AppConfig } from '@vir/config';
import { ContactDirectory } from '@vir/organisations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { PersonOnPage, PortalPages, text } from '../portal-pages';
import { AuditFilterErrors, AuditFilterValues, auditLog, AuditRow, chainState } from './audit-log-views';

const FILTER_MESSAGES: Required<Record<keyof AuditFilterValues, string>> = {
  van: 'Vul een bestaande datum in.',
  tot: 'Vul een bestaande datum in, op of na de datum bij Van.',
  object: 'Vul het nummer in zoals het in de verwijsindex staat (36 tekens, zoals 0f8b…-…).',
};

/** The API's fields, as the form's. */
const FILTER_FIELDS = { from: 'van', to: 'tot', objectId: 'object' };

/** "Logboek": the privacy officer reads the college's audit log and checks its hash chain (Jw 7.1.2.3(1)(f)). */
@Controller('logboek')
export class AuditLogPagesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
    private readonly contacts: ContactDirectory,
    private readonly chain: AuditChain,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ['privacy_officer']);
    if (!person) return;
    await this.render(request, reply, person);
  }

  /** Checks the whole chain (and the anchors outside the database), then shows the log with the outcome. */
  @Get('controle')
  async check(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ['privacy_officer']);
    if (!person) return;
    const result: VerifyResult | 'no_key' = this.config.VIR_AUDIT_KEY
      ? await this.chain.verify({ anchorFile: this.config.AUDIT_ANCHOR_FILE })
      : 'no_key';
    await this.render(request, reply, person, chainState(result, new Date()));
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    person: PersonOnPage,
    state?: ReturnType<typeof chainState>,
  ): Promise<void> {
    const query = request.query as Record<string, unknown>;
    const values: AuditFilterValues = {
      van: text(query, 'van', 10),
      tot: text(query, 'tot', 10),
      object: text(query, 'object', 36).trim(),
    };
    const cursor = text(query, 'volgende', 18);
    // A day that does not exist goes to the API as typed, which refuses it beside the field.
    const dayStart = (day: string) => (day ? (amsterdamLocalToIso(`${day}T00:00`) ?? day) : undefined);
    const dayEnd = (day: string) => (day ? (endOfDay(day) ?? day) : undefined);
    try {
      const params = await validateInput(AuditEventsParams, {
        from: dayStart(values.van ?? ''),
        // Up to and including the day: everything before the next day began.
        to: dayEnd(values.tot ?? ''),
        objectId: values.object || undefined,
        cursor: cursor || undefined,
        limit: 100,
      });
      const page: AuditEventPage = await this.queryBus.execute(new ListAuditEventsQuery(person.principal, params));
      const rows = await this.actors(page);
      this.pages.send(
        reply,
        200,
        'Logboek',
        auditLog(rows, values, {}, page.nextCursor, state),
        person.session,
        '/logboek',
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors: AuditFilterErrors = messagesFor(error, FILTER_MESSAGES, FILTER_FIELDS);
      if (Object.keys(errors).length === 0) errors.object = FILTER_MESSAGES.object;
      this.pages.send(reply, 400, 'Logboek', auditLog([], values, errors, null, state), person.session, '/logboek');
    }
  }

  private async actors(page: AuditEventPage): Promise<AuditRow[]> {
    const people = await this.contacts.cards(
      page.items.map((e) => e.actorProfessionalId).filter((id): id is string => !!id),
    );
    const organisations = await this.contacts.organisationNames(
      page.items.map((e) => e.actorOrganisationId).filter((id): id is string => !!id),
    );
    return page.items.map((event) => {
      const card = event.actorProfessionalId ? people.get(event.actorProfessionalId) : undefined;
      const organisation = event.actorOrganisationId ? organisations.get(event.actorOrganisationId) : undefined;
      const actor = card
        ? `${card.name}, ${card.organisation}`
        : organisation
          ? `${organisation}${event.actorCredentialId ? ' (via een sleutel)' : ''}`
          : event.actorCredentialId
            ? 'een sleutel van de installatie'
            : 'de verwijsindex zelf';
      return { event, actor };
    });
  }
}

/** The last millisecond of an Amsterdam day; undefined for a day that does not exist. */
function endOfDay(day: string): string | undefined {
  if (!amsterdamLocalToIso(`${day}T00:00`)) return undefined;
  const next = amsterdamLocalToIso(`${addDays(day, 1)}T00:00`);
  return next ? new Date(Date.parse(next) - 1).toISOString() : undefined;
}
