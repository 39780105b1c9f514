import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Scope } from '@vir/auth';
import { AppError, validateInput } from '@vir/common';
import { SendInvitationCommand } from '@vir/identity';
import {
  AddProfessionalCommand,
  AddProfessionalDto,
  CreateOrganisationCommand,
  CreateOrganisationDto,
  DisconnectOrganisationCommand,
  GetOrganisationQuery,
  ImportProfessionalsCommand,
  IssueCredentialCommand,
  ListOrganisationsQuery,
  ListProfessionalsQuery,
  UpdateOrganisationCommand,
  UpdateOrganisationDto,
} from '@vir/organisations';
import type {
  IssuedCredentialView,
  OrganisationView,
  ProfessionalImportView,
  ProfessionalView,
} from '@vir/organisations';
import { TestWebhookCommand } from '@vir/signals';
import type { WebhookTestView } from '@vir/signals';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { messagesFor } from '../casework/dutch';
import { CONTACT_MESSAGES, contactValues } from '../people/people-views';
import { alert } from '../html';
import { noticeAfter, orNotFound, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import {
  credentialIssued,
  disconnectForm,
  importResult,
  KEY_SCOPE_LABELS,
  OrganisationFormValues,
  organisationForm,
  organisationList,
  organisationPage,
  OrganisationPageParts,
  secretOnce,
  webhookTestResult,
} from './organisation-views';

const ADMINISTRATOR = ['administrator'];

const ORGANISATION_MESSAGES: Required<OrganisationFormValues> = {
  name: 'Vul de naam in (hooguit 200 tekens); het college heeft nog geen organisatie met deze naam.',
  kind: 'Kies de soort organisatie.',
  agreementReference: 'Vul het kenmerk van de overeenkomst in: zonder overeenkomst geen aansluiting.',
  agreementSignedOn: 'Vul een geldige datum in.',
  agreementEndsOn: 'Vul een datum na de dag van tekenen in, of laat het veld leeg.',
  breachNotificationEmail: 'Vul een geldig e-mailadres in, of laat het veld leeg.',
};
const IMPORT_REFUSALS: Record<string, string> = {
  CSV_UNREADABLE:
    'Dit bestand is geen leesbaar CSV-bestand, of er staat niemand in. Kies een CSV-bestand met een kopregel.',
  CSV_COLUMNS_MISSING: 'De kopregel mist een kolom: hij moet naam, e-mail, telefoon en rol noemen.',
  CSV_TOO_MANY_ROWS: 'Er staan meer dan 500 medewerkers in het bestand. Splits het in kleinere bestanden.',
};

/** Largest CSV file the import takes: 500 people fit easily. */
export const IMPORT_FILE_LIMIT_BYTES = 64 * 1024;

/**
 * "Organisaties": the administrator connects an organisation in steps — the organisation and its
 * agreement, its coordinator (invited by e-mail), its people from a CSV file, the webhook with a test
 * delivery and a case-system key shown once — and disconnects it when the agreement ends.
 */
@Controller('organisaties')
export class OrganisationPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const page: { items: OrganisationView[] } = await this.queryBus.execute(
      new ListOrganisationsQuery(person.principal, { limit: 200 }),
    );
    const notice = noticeAfter(request, 'ontkoppeld', 'De organisatie is ontkoppeld.');
    this.pages.send(reply, 200, 'Organisaties', organisationList(page.items, notice), person.session, '/organisaties');
  }

  @Get('nieuw')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    this.pages.send(
      reply,
      200,
      'Organisatie aansluiten',
      organisationForm(person.session.csrfToken),
      person.session,
      '/organisaties',
    );
  }

  @Post('nieuw')
  async connect(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const values: Required<OrganisationFormValues> = {
      name: text(form, 'name', 200),
      kind: text(form, 'kind', 32),
      agreementReference: text(form, 'agreementReference', 200),
      agreementSignedOn: text(form, 'agreementSignedOn', 10),
      agreementEndsOn: text(form, 'agreementEndsOn', 10),
      breachNotificationEmail: text(form, 'breachNotificationEmail', 254).trim(),
    };
    try {
      const input = await validateInput(CreateOrganisationDto, {
        name: values.name,
        kind: values.kind || undefined,
        municipalityCode: person.principal.municipalityCode,
        agreementReference: values.agreementReference,
        agreementSignedOn: values.agreementSignedOn || undefined,
        agreementEndsOn: values.agreementEndsOn || undefined,
        breachNotificationEmail: values.breachNotificationEmail || undefined,
      });
      const created: OrganisationView = await this.commandBus.execute(
        new CreateOrganisationCommand(person.principal, input),
      );
      void reply.redirect(`/organisaties/${created.id}?aangesloten=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      this.pages.send(
        reply,
        error.status,
        'Organisatie aansluiten',
        organisationForm(person.session.csrfToken, values, messagesFor(error, ORGANISATION_MESSAGES)),
        person.session,
        '/organisaties',
      );
    }
  }

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const query = request.query as Record<string, unknown>;
    const notice = query['niet-uitgenodigd']
      ? alert(
          'error',
          'De contactpersoon is toegevoegd, maar de uitnodiging kon nu niet worden verstuurd. Probeer het later opnieuw.',
        )
      : (noticeAfter(request, 'aangesloten', 'De organisatie is aangesloten. Nodig nu de contactpersoon uit.') ??
        noticeAfter(
          request,
          'uitgenodigd',
          'De contactpersoon is toegevoegd en heeft een uitnodiging per e-mail gekregen.',
        ) ??
        noticeAfter(request, 'webhook', 'De webhook is opgeslagen.'));
    await this.showOrganisation(reply, person, id, 200, { notice });
  }

  @Post(':id/contactpersoon')
  async inviteCoordinator(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const values = contactValues(form);
    try {
      const input = await validateInput(AddProfessionalDto, { ...values, role: 'coordinator' });
      const coordinator = await orNotFound(id, () =>
        this.commandBus.execute<AddProfessionalCommand, ProfessionalView>(
          new AddProfessionalCommand(person.principal, id, input),
        ),
      );
      if (!coordinator) return this.pages.notFound(reply, person.session, 'Organisatie');
      const invited = await this.invite(person, id, [coordinator.id]);
      void reply.redirect(`/organisaties/${id}?${invited.sent ? 'uitgenodigd' : 'niet-uitgenodigd'}=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors = messagesFor(error, CONTACT_MESSAGES);
      await this.showOrganisation(reply, person, id, error.status, {
        coordinator: { values, errors },
        notice: Object.keys(errors).length
          ? undefined
          : alert('error', 'Dat lukte niet: de organisatie is ontkoppeld.'),
      });
    }
  }

  @Post(':id/import')
  async importPeople(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const file = form?.bestand;
    const csv = Buffer.isBuffer(file) ? file.toString('utf8') : '';
    if (!csv.trim())
      return this.showOrganisation(reply, person, id, 400, { importError: 'Kies een CSV-bestand met medewerkers.' });
    try {
      const result = await orNotFound(id, () =>
        this.commandBus.execute<ImportProfessionalsCommand, ProfessionalImportView>(
          new ImportProfessionalsCommand(person.principal, id, { csv, dryRun: text(form, 'controleren') === 'ja' }),
        ),
      );
      if (!result) return this.pages.notFound(reply, person.session, 'Organisatie');
      const designated = result.results.flatMap((row) => (row.professionalId ? [row.professionalId] : []));
      const invitations =
        text(form, 'uitnodigen') === 'ja' ? await this.invite(person, id, designated) : { sent: 0, failed: 0 };
      const organisation = await this.organisation(person, id);
      this.pages.send(
        reply,
        200,
        result.dryRun ? 'Controle van het bestand' : 'Medewerkers geïmporteerd',
        importResult(organisation!, result, invitations),
        person.session,
        '/organisaties',
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      await this.showOrganisation(reply, person, id, error.status, {
        importError: IMPORT_REFUSALS[error.code] ?? 'De organisatie is ontkoppeld; er kunnen geen medewerkers bij.',
      });
    }
  }

  @Post(':id/webhook')
  async setWebhook(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const url = text(form, 'webhookUrl', 2000).trim();
    // A new secret with every address: the receiver is set up anew anyway, and the administrator never has to invent one.
    const secret = url ? randomBytes(32).toString('base64url') : null;
    try {
      const input = await validateInput(UpdateOrganisationDto, { webhookUrl: url || null, webhookSecret: secret });
      const updated = await orNotFound(id, () =>
        this.commandBus.execute<UpdateOrganisationCommand, OrganisationView>(
          new UpdateOrganisationCommand(person.principal, id, input),
        ),
      );
      if (!updated) return this.pages.notFound(reply, person.session, 'Organisatie');
      if (!secret) return void reply.redirect(`/organisaties/${id}?webhook=1`, 303);
      this.pages.send(
        reply,
        200,
        'Webhook opgeslagen',
        secretOnce(updated, 'het webhookgeheim', secret),
        person.session,
        '/organisaties',
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message =
        error.code === 'WEBHOOK_URL_NOT_ALLOWED'
          ? 'Dit adres mag niet: gebruik een openbaar https-adres van het zaaksysteem.'
          : error.code === 'ORGANISATION_DISCONNECTED'
            ? 'De organisatie is ontkoppeld.'
            : 'Vul een volledig adres in, zoals https://zaaksysteem.example.nl/verwijsindex.';
      await this.showOrganisation(reply, person, id, error.status, { webhookError: { value: url, error: message } });
    }
  }

  @Post(':id/bsn')
  async setBsnRights(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    try {
      const input = await validateInput(UpdateOrganisationDto, { usesBsn: text(form, 'usesBsn') === 'ja' });
      const updated = await orNotFound(id, () =>
        this.commandBus.execute<UpdateOrganisationCommand, OrganisationView>(
          new UpdateOrganisationCommand(person.principal, id, input),
        ),
      );
      if (!updated) return this.pages.notFound(reply, person.session, 'Organisatie');
      await this.showOrganisation(reply, person, id, 200, { notice: alert('ok', 'De BSN-bevoegdheid is opgeslagen.') });
    } catch (error) {
      await this.showRefusal(error, reply, person, id, 'Dat lukte niet.');
    }
  }

  @Post(':id/webhook/test')
  async testWebhook(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    try {
      const result = await orNotFound(id, () =>
        this.commandBus.execute<TestWebhookCommand, WebhookTestView>(new TestWebhookCommand(person.principal, id)),
      );
      if (!result) return this.pages.notFound(reply, person.session, 'Organisatie');
      await this.showOrganisation(reply, person, id, 200, {
        notice: alert(result.delivered ? 'ok' : 'error', webhookTestResult(result)),
      });
    } catch (error) {
      await this.showRefusal(error, reply, person, id, 'Er is nog geen webhook om te testen.');
    }
  }

  @Post(':id/sleutel')
  async issueKey(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const chosen = ([] as unknown[])
      .concat(form?.scopes ?? [])
      .filter((s): s is string => typeof s === 'string' && s in KEY_SCOPE_LABELS);
    if (chosen.length === 0)
      return this.showOrganisation(reply, person, id, 400, {
        notice: alert('error', 'Kies ten minste één ding dat het zaaksysteem met de sleutel mag.'),
      });
    try {
      const credential = await orNotFound(id, () =>
        this.commandBus.execute<IssueCredentialCommand, IssuedCredentialView>(
          new IssueCredentialCommand(person.principal, id, { scopes: chosen as Scope[], label: 'Zaaksysteem' }),
        ),
      );
      const organisation = credential && (await this.organisation(person, id));
      if (!credential || !organisation) return this.pages.notFound(reply, person.session, 'Organisatie');
      this.pages.send(
        reply,
        201,
        'Sleutel uitgegeven',
        credentialIssued(organisation, credential),
        person.session,
        '/organisaties',
      );
    } catch (error) {
      await this.showRefusal(error, reply, person, id, 'Deze organisatie kan geen sleutel met deze rechten krijgen.');
    }
  }

  @Get(':id/ontkoppelen')
  async confirmDisconnect(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const organisation = await this.organisation(person, id);
    if (!organisation) return this.pages.notFound(reply, person.session, 'Organisatie');
    this.pages.send(
      reply,
      200,
      `${organisation.name} ontkoppelen`,
      disconnectForm(organisation, person.session.csrfToken),
      person.session,
      '/organisaties',
    );
  }

  @Post(':id/ontkoppelen')
  async disconnect(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    try {
      const done = await orNotFound(id, () =>
        this.commandBus.execute<DisconnectOrganisationCommand, OrganisationView>(
          new DisconnectOrganisationCommand(person.principal, id),
        ),
      );
      if (!done) return this.pages.notFound(reply, person.session, 'Organisatie');
      void reply.redirect('/organisaties?ontkoppeld=1', 303);
    } catch (error) {
      await this.showRefusal(error, reply, person, id, 'U kunt de gemeente zelf niet ontkoppelen.');
    }
  }

  /** Invites newly designated people, one e-mail each; one that cannot be sent now leaves that person to invite again. */
  private async invite(
    person: PersonOnPage,
    organisationId: string,
    professionalIds: string[],
  ): Promise<{ sent: number; failed: number }> {
    const counts = { sent: 0, failed: 0 };
    for (const professionalId of professionalIds) {
      try {
        await this.commandBus.execute(new SendInvitationCommand(person.principal, organisationId, professionalId));
        counts.sent += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        counts.failed += 1;
      }
    }
    return counts;
  }

  /** A refusal the administrator can act on, on the organisation's page; anything else is the error page's. */
  private async showRefusal(
    error: unknown,
    reply: FastifyReply,
    person: PersonOnPage,
    id: string,
    message: string,
  ): Promise<void> {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    await this.showOrganisation(reply, person, id, error.status, { notice: alert('error', message) });
  }

  private organisation(person: PersonOnPage, id: string): Promise<OrganisationView | undefined> {
    return orNotFound(id, () => this.queryBus.execute(new GetOrganisationQuery(person.principal, id)));
  }

  private async showOrganisation(
    reply: FastifyReply,
    person: PersonOnPage,
    id: string,
    status: number,
    parts: Partial<OrganisationPageParts>,
  ): Promise<void> {
    const organisation = await this.organisation(person, id);
    if (!organisation) return this.pages.notFound(reply, person.session, 'Organisatie');
    const people: { items: ProfessionalView[] } = await this.queryBus.execute(
      new ListProfessionalsQuery(person.principal, id, { active: true, limit: 200 }),
    );
    this.pages.send(
      reply,
      status,
      organisation.name,
      organisationPage({ ...parts, organisation, people: people.items, csrf: person.session.csrfToken }),
      person.session,
      '/organisaties',
    );
  }
}
