import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, validateInput } from '@vir/common';
import { GetOrganisationQuery, UpdateOrganisationCommand, UpdateOrganisationDto } from '@vir/organisations';
import type { OrganisationView } from '@vir/organisations';
import {
  AddAddressExclusionCommand,
  AddAddressExclusionDto,
  ImportAddressExclusionsCommand,
  ListAddressExclusionsQuery,
  RemoveAddressExclusionCommand,
} from '@vir/registrations';
import type { AddressExclusionImportView, AddressExclusionListView } from '@vir/registrations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../casework/dutch';
import { noticeAfter, PersonOnPage, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import {
  AddressMatchPageState,
  addressMatchPage,
  EXCLUSION_MESSAGES,
  ExclusionFormValues,
} from './address-exclusion-views';

const ADMINISTRATOR = ['administrator'];

const IMPORT_REFUSALS: Record<string, string> = {
  CSV_UNREADABLE: 'Het bestand is geen leesbare CSV, of er staat geen adres in.',
  CSV_COLUMNS_MISSING: 'De kopregel mist een kolom: hij moet reden noemen, en bag_id of postcode en huisnummer.',
  CSV_TOO_MANY_ROWS: 'Er staan meer dan 1000 adressen in het bestand. Splits het in kleinere bestanden.',
};

/** "Adresmatch": the administrator switches the college's address match and keeps its register of excluded addresses. */
@Controller('adresmatch')
export class AddressMatchPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ADMINISTRATOR);
    if (!person) return;
    const notice =
      noticeAfter(
        request,
        'aan',
        'De adresmatch staat aan. Nieuwe meldingen op hetzelfde woonadres geven een signaal.',
      ) ??
      noticeAfter(request, 'uit', 'De adresmatch staat uit. Er komen geen nieuwe adresmatches meer.') ??
      noticeAfter(request, 'uitgesloten', 'Het adres is uitgesloten: er komt geen adresmatch meer op.') ??
      noticeAfter(request, 'verwijderd', 'Het adres staat niet meer in de lijst.');
    await this.send(reply, person, 200, {}, notice);
  }

  @Post('schakelen')
  async toggle(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const on = text(form, 'aan', 4) === 'ja';
    const input = await validateInput(UpdateOrganisationDto, { addressMatch: on });
    await this.commandBus.execute(
      new UpdateOrganisationCommand(person.principal, person.session.person.organisationId, input),
    );
    void reply.redirect(`/adresmatch?${on ? 'aan' : 'uit'}=1`, 303);
  }

  @Post('uitsluiten')
  async exclude(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const values: Required<ExclusionFormValues> = {
      bagId: text(form, 'bagId', 32).trim(),
      postcode: text(form, 'postcode', 16).trim(),
      houseNumber: text(form, 'houseNumber', 8).trim(),
      reason: text(form, 'reason', 400),
    };
    try {
      const input = await validateInput(AddAddressExclusionDto, {
        ...(values.bagId && { bagId: values.bagId }),
        ...(values.postcode && { postcode: values.postcode }),
        ...(values.houseNumber && {
          houseNumber: /^\d{1,5}$/.test(values.houseNumber) ? Number(values.houseNumber) : values.houseNumber,
        }),
        reason: values.reason,
      });
      await this.commandBus.execute(new AddAddressExclusionCommand(person.principal, input));
      void reply.redirect('/adresmatch?uitgesloten=1#uitgesloten', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors =
        error.code === 'ADDRESS_ALREADY_EXCLUDED'
          ? { [values.bagId ? 'bagId' : 'postcode']: 'Dit adres staat al in de lijst.' }
          : messagesFor(error, EXCLUSION_MESSAGES);
      await this.send(reply, person, error.status, { values, errors });
    }
  }

  @Post('verwijderen')
  async remove(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    try {
      await this.commandBus.execute(new RemoveAddressExclusionCommand(person.principal, text(form, 'id', 64)));
    } catch (error) {
      // Removed meanwhile (another tab, a colleague): the list shows how it is now.
      if (!(error instanceof AppError) || error.status !== 404) throw error;
    }
    void reply.redirect('/adresmatch?verwijderd=1#uitgesloten', 303);
  }

  @Post('import')
  async importAddresses(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, ADMINISTRATOR);
    if (!person) return;
    const file = form?.bestand;
    const csv = Buffer.isBuffer(file) ? file.toString('utf8') : '';
    if (!csv.trim()) return this.send(reply, person, 400, { importError: 'Kies een CSV-bestand met adressen.' });
    try {
      const imported = await this.commandBus.execute<ImportAddressExclusionsCommand, AddressExclusionImportView>(
        new ImportAddressExclusionsCommand(person.principal, { csv, dryRun: text(form, 'controleren') === 'ja' }),
      );
      await this.send(reply, person, 200, { imported });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      await this.send(reply, person, error.status, {
        importError: IMPORT_REFUSALS[error.code] ?? 'Het bestand kon niet worden gelezen.',
      });
    }
  }

  private async send(
    reply: FastifyReply,
    person: PersonOnPage,
    status: number,
    state: Partial<AddressMatchPageState>,
    notice?: ReturnType<typeof noticeAfter>,
  ): Promise<void> {
    const gemeente = await this.queryBus.execute<GetOrganisationQuery, OrganisationView>(
      new GetOrganisationQuery(person.principal, person.session.person.organisationId),
    );
    const { items } = await this.queryBus.execute<ListAddressExclusionsQuery, AddressExclusionListView>(
      new ListAddressExclusionsQuery(person.principal),
    );
    this.pages.send(
      reply,
      status,
      'Adresmatch en uitgesloten adressen',
      addressMatchPage(
        person.session.csrfToken,
        { on: gemeente.addressMatch, items, values: {}, errors: {}, ...state },
        notice,
      ),
      person.session,
      '/adresmatch',
    );
  }
}
