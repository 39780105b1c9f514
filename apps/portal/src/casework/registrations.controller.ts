import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppError, validateInput } from '@vir/common';
import {
  GetRegistrationQuery,
  ListRegistrationsQuery,
  RecordInformationCommand,
  RecordInformationDto,
  RegisterYouthCommand,
  RegisterYouthDto,
  WithdrawRegistrationCommand,
  WithdrawRegistrationDto,
} from '@vir/registrations';
import type { RegistrationResult, RegistrationView } from '@vir/registrations';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { alert, html } from '../html';
import { noticeAfter, orNotFound, PortalPages, text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { fieldsOf, messagesFor } from './dutch';
import {
  InformFormValues,
  registrationDetail,
  RegistrationFormErrors,
  RegistrationFormValues,
  registrationForm,
  registrationList,
  registrationReceipt,
} from './registration-views';

const PROFESSIONAL = ['professional'];

const INFORM_MESSAGES: Required<InformFormValues> = {
  informedOn: 'Vul de dag in waarop u inlichtte: op of na de dag van de melding, niet in de toekomst.',
  deferralGround: 'Kies de grond voor het uitstel.',
  recheckOn: 'Kies een dag na vandaag en binnen zes maanden om het opnieuw te bekijken.',
};

/** The API's field paths, as the form's fields. */
const FORM_FIELDS: Record<string, keyof RegistrationFormValues> = {
  youth: 'bsn',
  'youth.bsn': 'bsn',
  'youth.birthDate': 'birthDate',
  'youth.surname': 'surname',
  'youth.sex': 'sex',
  'youth.postcode': 'postcode',
  'youth.houseNumber': 'houseNumber',
  'confirmations.legalGround': 'legalGround',
  'confirmations.informed': 'informed',
};

const FIELD_MESSAGES: Record<keyof RegistrationFormValues, string> = {
  bsn: 'Vul een geldig BSN in: 9 cijfers. Of laat het BSN leeg en vul de achternaam en het geslacht in.',
  birthDate: 'Vul een bestaande geboortedatum in die niet in de toekomst ligt.',
  surname: 'Vul de achternaam in met letters (spaties, koppeltekens, een apostrof of een punt mogen).',
  sex: 'Kies het geslacht. Alleen voor een jongere zonder BSN.',
  postcode: 'Vul een postcode in zoals 5911 CB, samen met het huisnummer.',
  houseNumber: 'Vul het huisnummer in (alleen cijfers), samen met de postcode.',
  legalGround: 'Vink aan dat u meldt op grond van artikel 7.1.4.1 Jeugdwet.',
  informed: 'Kies of u de jongere vooraf heeft ingelicht, of dat de spoedeisende uitzondering geldt.',
};

const RULE_MESSAGES: Record<string, string> = {
  YOUTH_TOO_OLD: 'Deze jongere is 23 jaar of ouder. De verwijsindex is voor jongeren tot 23 jaar.',
  YOUTH_NOT_IN_BRP: 'De BRP kent geen persoon met dit BSN. Controleer het nummer in uw dossier.',
  YOUTH_DECEASED: 'Volgens de BRP is deze persoon overleden. De verwijsindex bewaart niets over hem of haar.',
  BSN_NOT_ALLOWED:
    'Uw organisatie mag het BSN niet gebruiken. Laat het BSN leeg en vul de achternaam en de geboortedatum in (en zo nodig postcode en huisnummer).',
  YOUTH_NOT_FOUND: 'De BRP kent geen jongere met deze achternaam en geboortedatum. Controleer ze in uw dossier.',
  YOUTH_NOT_UNIQUE:
    'Er zijn meer jongeren met deze achternaam en geboortedatum. Vul ook de postcode en het huisnummer van de jongere in.',
  BRP_UNAVAILABLE:
    'De BRP is nu niet bereikbaar, dus de jongere kon niet worden opgezocht. Er is niets bewaard. Probeer het straks opnieuw.',
  BIRTH_DATE_MISMATCH: 'Deze geboortedatum hoort volgens de BRP niet bij dit BSN. Controleer beide in uw dossier.',
  ORGANISATION_WITHOUT_COORDINATOR:
    'Uw organisatie heeft (nog) geen contactpersoon verwijsindex. Vraag de beheerder om er een aan te wijzen.',
};

/** "Nieuwe melding", "Mijn meldingen" and withdrawal: the professional's own registrations, through the API's use cases. */
@Controller('meldingen')
export class RegistrationPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, PROFESSIONAL);
    if (!person) return;
    const found: { items: RegistrationView[] } = await this.queryBus.execute(
      new ListRegistrationsQuery(person.principal, { status: 'active', limit: 200 }),
    );
    const withdrawn = noticeAfter(request, 'ingetrokken', 'Uw melding is ingetrokken.');
    this.pages.send(
      reply,
      200,
      'Mijn meldingen',
      html`${withdrawn}${registrationList(found.items)}`,
      person.session,
      '/meldingen',
    );
  }

  @Get('nieuw')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, PROFESSIONAL);
    if (!person) return;
    this.pages.send(
      reply,
      200,
      'Nieuwe melding',
      registrationForm(person.session.csrfToken),
      person.session,
      '/meldingen/nieuw',
    );
  }

  @Post('nieuw')
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, PROFESSIONAL);
    if (!person) return;
    const values: RegistrationFormValues = {
      bsn: text(form, 'bsn', 20).replace(/\s/g, ''),
      birthDate: text(form, 'birthDate', 10),
      surname: text(form, 'surname', 200).trim(),
      sex: text(form, 'sex', 1),
      postcode: text(form, 'postcode', 10).trim(),
      houseNumber: text(form, 'houseNumber', 6).trim(),
      legalGround: text(form, 'legalGround') === 'ja',
      informed: text(form, 'informed', 32),
    };
    const show = (status: number, errors: RegistrationFormErrors, notice?: string) =>
      this.pages.send(
        reply,
        status,
        'Nieuwe melding',
        html`${notice ? alert('error', notice) : ''}${registrationForm(person.session.csrfToken, values, errors)}`,
        person.session,
        '/meldingen/nieuw',
      );
    if (!values.bsn && !values.surname)
      return show(400, { bsn: 'Vul het BSN in. Heeft de jongere geen BSN, vul dan de achternaam en het geslacht in.' });
    const youth = values.bsn
      ? { bsn: values.bsn, birthDate: values.birthDate }
      : {
          surname: values.surname,
          birthDate: values.birthDate,
          ...(values.sex && { sex: values.sex }),
          ...(values.postcode && { postcode: values.postcode }),
          ...(values.houseNumber && {
            houseNumber: /^\d{1,5}$/.test(values.houseNumber) ? Number(values.houseNumber) : values.houseNumber,
          }),
        };
    try {
      const input = await validateInput(RegisterYouthDto, {
        professionalId: person.session.person.personId,
        youth,
        confirmations: { legalGround: values.legalGround || undefined, informed: values.informed || undefined },
      });
      const result: RegistrationResult = await this.commandBus.execute(
        new RegisterYouthCommand(person.principal, input),
      );
      this.pages.send(
        reply,
        result.created ? 201 : 200,
        'Melding gemaakt',
        registrationReceipt(result.view),
        person.session,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'BRP_UNAVAILABLE')
        return show(503, {}, RULE_MESSAGES.BRP_UNAVAILABLE);
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const fields = fieldsOf(error, FORM_FIELDS) as (keyof RegistrationFormValues)[];
      const errors: RegistrationFormErrors = Object.fromEntries(
        fields.map((name) => [name, RULE_MESSAGES[error.code] ?? FIELD_MESSAGES[name]]),
      );
      const notice =
        fields.length === 0 ? (RULE_MESSAGES[error.code] ?? 'Dat lukte niet. Probeer het opnieuw.') : undefined;
      show(error.status, errors, notice);
    }
  }

  @Get(':id')
  async detail(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, PROFESSIONAL);
    if (!person) return;
    const registration = await this.find(person.principal, id);
    if (!registration) return this.pages.notFound(reply, person.session, 'Melding');
    this.pages.send(
      reply,
      200,
      'Melding',
      registrationDetail(
        registration,
        person.session.csrfToken,
        undefined,
        undefined,
        noticeAfter(request, 'vastgelegd', 'Het inlichten is vastgelegd.'),
      ),
      person.session,
      '/meldingen',
    );
  }

  @Post(':id/intrekken')
  async withdraw(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, PROFESSIONAL);
    if (!person) return;
    const registration = await this.find(person.principal, id);
    if (!registration) return this.pages.notFound(reply, person.session, 'Melding');
    try {
      const input = await validateInput(WithdrawRegistrationDto, {
        reason: text(form, 'reason', 32) || undefined,
        professionalId: person.session.person.personId,
      });
      await this.commandBus.execute(new WithdrawRegistrationCommand(person.principal, registration.id, input));
      void reply.redirect('/meldingen?ingetrokken=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      this.pages.send(
        reply,
        400,
        'Melding',
        registrationDetail(registration, person.session.csrfToken, 'Kies waarom u de melding intrekt.'),
        person.session,
        '/meldingen',
      );
    }
  }

  @Post(':id/inlichten')
  async recordInformation(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() form: Form,
  ): Promise<void> {
    const person = await this.pages.personPosting(request, reply, form, PROFESSIONAL);
    if (!person) return;
    const registration = await this.find(person.principal, id);
    if (!registration) return this.pages.notFound(reply, person.session, 'Melding');
    const status = text(form, 'status', 16);
    const values: InformFormValues = {
      informedOn: text(form, 'informedOn', 10),
      deferralGround: text(form, 'deferralGround', 40),
      recheckOn: text(form, 'recheckOn', 10),
    };
    try {
      const input = await validateInput(RecordInformationDto, {
        status,
        professionalId: person.session.person.personId,
        ...(status === 'informed'
          ? { informedOn: values.informedOn || undefined }
          : { deferralGround: values.deferralGround || undefined, recheckOn: values.recheckOn || undefined }),
      });
      await this.commandBus.execute(new RecordInformationCommand(person.principal, registration.id, input));
      void reply.redirect(`/meldingen/${registration.id}?vastgelegd=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors = messagesFor(error, INFORM_MESSAGES);
      this.pages.send(
        reply,
        error.status,
        'Melding',
        registrationDetail(
          registration,
          person.session.csrfToken,
          undefined,
          { values, errors },
          Object.keys(errors).length ? undefined : 'Dat kan niet meer: de melding is afgelopen of al bijgewerkt.',
        ),
        person.session,
        '/meldingen',
      );
    }
  }

  private find(principal: RegisterYouthCommand['principal'], id: string): Promise<RegistrationView | undefined> {
    return orNotFound(id, () => this.queryBus.execute(new GetRegistrationQuery(principal, id)));
  }
}
