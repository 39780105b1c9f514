import { alert, choices, csrfField, dataTable, field, FieldSpec, html, SafeHtml } from '../html';
import { dutchDate } from './dutch';

export interface RegistrationFormValues {
  bsn?: string;
  birthDate?: string;
  surname?: string;
  sex?: string;
  postcode?: string;
  houseNumber?: string;
  legalGround?: boolean;
  informed?: string;
}

export type RegistrationFormErrors = Partial<Record<keyof RegistrationFormValues, string>>;

const SEXES: [string, string][] = [
  ['', 'Kies…'],
  ['V', 'Vrouw'],
  ['M', 'Man'],
  ['O', 'Onbekend'],
];

function describedBy(id: string, error?: string): SafeHtml {
  return error ? html`aria-describedby="${id}-fout" aria-invalid="true"` : html``;
}

function errorText(id: string, error?: string): SafeHtml {
  return error ? html`<div class="utrecht-form-field-error-message" id="${id}-fout">${error}</div>` : html``;
}

/** A text field of the registration form, with its value kept and its error beside it. */
function textField(
  name: keyof RegistrationFormValues,
  label: string,
  values: RegistrationFormValues,
  errors: RegistrationFormErrors,
  extra: Pick<FieldSpec, 'type' | 'inputmode' | 'description'> = {},
): SafeHtml {
  return field({
    name,
    label,
    ...extra,
    autocomplete: 'off',
    value: String(values[name] ?? ''),
    error: errors[name],
    required: false,
  });
}

/** "Nieuwe melding": the youth by BSN and birth date, or without BSN by surname, birth date and sex; then the two confirmations. */
export function registrationForm(
  csrf: string,
  values: RegistrationFormValues = {},
  errors: RegistrationFormErrors = {},
): SafeHtml {
  const informedError = errors.informed;
  const legalError = errors.legalGround;
  return html`<p class="utrecht-paragraph">
      U meldt dat u betrokken bent bij een jongere. In de verwijsindex komt niets over de jongere of over uw zorgen:
      alleen dát u betrokken bent.
    </p>
    <form method="post" action="/meldingen/nieuw" novalidate>
      <input type="hidden" name="csrf" value="${csrf}" />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">De jongere</legend>
        ${textField('bsn', 'BSN', values, errors, {
          inputmode: 'numeric',
          description:
            'Het burgerservicenummer: 9 cijfers. Geen BSN? Laat dit leeg en vul hieronder de achternaam en het geslacht in.',
        })}
        ${textField('birthDate', 'Geboortedatum', values, errors, { type: 'date' })}
        <p class="utrecht-paragraph">Alleen voor een jongere zonder BSN:</p>
        ${textField('surname', 'Achternaam', values, errors)}
        <div class="utrecht-form-field utrecht-form-field--select${errors.sex ? ' utrecht-form-field--invalid' : ''}">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="veld-sex">Geslacht</label>
          </div>
          ${errorText('veld-sex', errors.sex)}
          <div class="utrecht-form-field__input">
            <select class="utrecht-select" id="veld-sex" name="sex" ${describedBy('veld-sex', errors.sex)}>
              ${SEXES.map(
                ([code, label]) =>
                  html`<option value="${code}" ${values.sex === code ? html`selected` : ''}>${label}</option>`,
              )}
            </select>
          </div>
        </div>
        <p class="utrecht-paragraph">
          Mag uw organisatie het BSN niet gebruiken? Laat BSN en geslacht leeg en vul de achternaam en de geboortedatum
          in; de verwijsindex zoekt de jongere op in de BRP. Zijn er meer jongeren met die naam en geboortedatum, vul
          dan ook de postcode en het huisnummer in.
        </p>
        ${textField('postcode', 'Postcode', values, errors, { description: 'Bijvoorbeeld 5911 CB.' })}
        ${textField('houseNumber', 'Huisnummer', values, errors, { inputmode: 'numeric' })}
      </fieldset>
      <fieldset
        class="utrecht-form-fieldset"
        ${legalError || informedError ? html`aria-describedby="bevestigen-fout"` : ''}
      >
        <legend class="utrecht-form-fieldset__legend">Bevestigen</legend>
        ${
          legalError || informedError
            ? html`<div class="utrecht-form-field-error-message" id="bevestigen-fout">
                ${[legalError, informedError].filter(Boolean).join(' ')}
              </div>`
            : ''
        }
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id="veld-legalGround"
            name="legalGround"
            value="ja"
            ${values.legalGround ? html`checked` : ''}
            ${legalError ? html`aria-invalid="true"` : ''}
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-legalGround"
            >Ik heb een redelijk vermoeden dat de jongere bedreigd wordt in een gezonde en veilige ontwikkeling naar
            volwassenheid (artikel 7.1.4.1 Jeugdwet)</label
          >
        </div>
        <p class="utrecht-paragraph">Heeft u de jongere vooraf ingelicht?</p>
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id="veld-informed-voor"
            name="informed"
            value="before_registering"
            ${values.informed === 'before_registering' ? html`checked` : ''}
          />
          <label class="utrecht-form-label utrecht-form-label--radio" for="veld-informed-voor"
            >Ja: de jongere (en bij jonger dan 16 ook een ouder) weet van de melding</label
          >
        </div>
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id="veld-informed-spoed"
            name="informed"
            value="urgent_exception"
            ${values.informed === 'urgent_exception' ? html`checked` : ''}
          />
          <label class="utrecht-form-label utrecht-form-label--radio" for="veld-informed-spoed"
            >Nee: vooraf inlichten zou de jongere schaden (spoedeisende uitzondering); ik licht later in</label
          >
        </div>
      </fieldset>
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Melding maken</button>
    </form>`;
}

const INFORM: Record<string, string> = {
  legal_representative: 'de ouder of voogd (de jongere is jonger dan 12 jaar)',
  youth_and_legal_representative: 'de jongere én de ouder of voogd (de jongere is 12 tot 16 jaar)',
  youth: 'de jongere (16 jaar of ouder)',
};

export function registrationReceipt(receipt: {
  id: string;
  plannedRemovalDate: string;
  inform: string;
  informationTask: InformationTask | null;
  verification?: string;
}): SafeHtml {
  const task = receipt.informationTask;
  return html`<div class="utrecht-alert utrecht-alert--ok" role="status">
      <p class="utrecht-paragraph">Uw melding staat in de verwijsindex.</p>
    </div>
    ${
      receipt.verification === 'awaiting_verification'
        ? html`<p class="utrecht-paragraph">
            De BRP kon de jongere nu niet bevestigen omdat de BRP niet bereikbaar is. De melding is bewaard en doet mee
            zodra de BRP de jongere heeft bevestigd. Bevestigt de BRP de jongere niet, dan wordt de melding verwijderd
            en krijgt u een signaal.
          </p>`
        : ''
    }
    <p class="utrecht-paragraph">
      ${
        task?.informedOn
          ? `U heeft ${INFORM[receipt.inform] ?? 'de jongere'} vooraf ingelicht; dat staat bij de melding.`
          : `Licht ${INFORM[receipt.inform] ?? 'de jongere'} in over de melding${
              task ? `, uiterlijk op ${dutchDate(task.dueOn)}` : ''
            }, en leg bij de melding vast wanneer u dat deed.`
      }
    </p>
    <p class="utrecht-paragraph">
      De melding wordt uiterlijk op ${dutchDate(receipt.plannedRemovalDate)} verwijderd. Is een ander ook betrokken, dan
      krijgt u een signaal.
    </p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/meldingen/${receipt.id}">Deze melding bekijken</a> ·
      <a class="utrecht-link" href="/meldingen/nieuw">Nog een melding maken</a>
    </p>`;
}

export interface InformationTask {
  inform: string;
  status: 'open' | 'overdue' | 'informed' | 'deferred' | 'recheck_due';
  dueOn: string;
  informedOn: string | null;
  deferralGround: string | null;
  recheckOn: string | null;
}

export interface RegistrationRow {
  id: string;
  createdAt: string;
  plannedRemovalDate: string;
  status: string;
  removalReason?: string | null;
  verification?: string;
  informationTask: InformationTask | null;
}

/** The AVG 14(5) grounds on which informing may wait, as the professional reads them. */
export const DEFERRAL_LABELS: Record<string, string> = {
  already_informed: 'De jongere of ouder weet het al (AVG 14 lid 5 a)',
  impossible_or_disproportionate:
    'Inlichten is (nu) niet mogelijk of vraagt een onevenredige inspanning (AVG 14 lid 5 b)',
  professional_secrecy: 'Mijn beroepsgeheim staat het (nu) in de weg (AVG 14 lid 5 d)',
};

function taskState(task: InformationTask | null): SafeHtml {
  if (!task) return html`Niet bijgehouden`;
  switch (task.status) {
    case 'informed':
      return html`Ingelicht op ${dutchDate(task.informedOn!)}`;
    case 'deferred':
      return html`Uitgesteld, opnieuw bekijken op ${dutchDate(task.recheckOn!)}`;
    case 'recheck_due':
      return html`<strong>Opnieuw bekijken</strong>: uitgesteld tot ${dutchDate(task.recheckOn!)}`;
    case 'overdue':
      return html`<strong>Te laat</strong>: inlichten uiterlijk ${dutchDate(task.dueOn)}`;
    default:
      return html`Nog inlichten, uiterlijk ${dutchDate(task.dueOn)}`;
  }
}

export interface InformFormValues {
  informedOn?: string;
  deferralGround?: string;
  recheckOn?: string;
}

export function registrationList(items: RegistrationRow[]): SafeHtml {
  if (items.length === 0)
    return html`<p class="utrecht-paragraph">U heeft geen lopende meldingen.</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/meldingen/nieuw">Nieuwe melding</a></p>`;
  return dataTable(
    'Uw lopende meldingen',
    ['Melding', 'Gemeld op', 'Verwijderd uiterlijk op', 'Inlichten'],
    items.map((r) => [
      html`<a class="utrecht-link" href="/meldingen/${r.id}">${r.id.slice(0, 8)}</a>`,
      dutchDate(r.createdAt),
      dutchDate(r.plannedRemovalDate),
      taskState(r.informationTask),
    ]),
  );
}

function informationSection(
  registration: RegistrationRow,
  csrf: string,
  values: InformFormValues,
  errors: InformFormValues,
): SafeHtml {
  const task = registration.informationTask;
  if (!task) return html``;
  const base = `/meldingen/${registration.id}/inlichten`;
  const header = html`<h2 class="utrecht-heading-2">Inlichten</h2>
    <p class="utrecht-paragraph">
      Wie: ${INFORM[task.inform] ?? task.inform} (Jeugdwet 7.1.5.1). Stand:
      <span data-testid="inform-state">${taskState(task)}</span>.
    </p>`;
  if (task.status === 'informed' || registration.status !== 'active') return header;
  return html`${header}
    <form method="post" action="${base}" novalidate>
      ${csrfField(csrf)}
      <input type="hidden" name="status" value="informed" />
      ${field({ name: 'informedOn', label: 'Ingelicht op', type: 'date', value: values.informedOn, error: errors.informedOn })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Ingelicht</button>
    </form>
    <form method="post" action="${base}" novalidate>
      ${csrfField(csrf)}
      <input type="hidden" name="status" value="deferred" />
      ${choices({
        name: 'deferralGround',
        legend: 'Inlichten uitstellen, omdat',
        description: 'Leg de reden uit in uw eigen dossier, niet hier. Uitstel kan alleen op een van deze gronden.',
        options: Object.entries(DEFERRAL_LABELS),
        value: values.deferralGround,
        error: errors.deferralGround,
      })}
      ${field({
        name: 'recheckOn',
        label: 'Opnieuw bekijken op',
        type: 'date',
        description: 'Na vandaag en binnen zes maanden.',
        value: values.recheckOn,
        error: errors.recheckOn,
      })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Uitstel vastleggen</button>
    </form>`;
}

const VERIFICATION_LABELS: Record<string, string> = {
  verified: 'Bevestigd',
  awaiting_verification: 'Wacht op de BRP: de melding doet mee zodra de BRP de jongere bevestigt',
  not_checked: 'Niet gecontroleerd',
};

export function registrationDetail(
  registration: RegistrationRow,
  csrf: string,
  reasonError?: string,
  inform: { values: InformFormValues; errors: InformFormValues } = { values: {}, errors: {} },
  notice?: SafeHtml | string,
): SafeHtml {
  const facts = html`${typeof notice === 'string' ? alert('error', notice) : (notice ?? '')}
    <dl class="portal-facts">
      <dt>Melding</dt>
      <dd>${registration.id}</dd>
      <dt>Gemeld op</dt>
      <dd>${dutchDate(registration.createdAt)}</dd>
      <dt>Verwijderd uiterlijk op</dt>
      <dd>${dutchDate(registration.plannedRemovalDate)}</dd>
      ${
        registration.status === 'active' && registration.verification
          ? html`<dt>Controle in de BRP</dt>
              <dd>${VERIFICATION_LABELS[registration.verification] ?? registration.verification}</dd>`
          : ''
      }
    </dl>`;
  if (registration.status !== 'active')
    return html`${facts}
      <p class="utrecht-paragraph">
        ${
          registration.removalReason === 'unverified'
            ? 'Deze melding is verwijderd: de BRP heeft de jongere niet bevestigd. Controleer het BSN en de geboortedatum en meld opnieuw.'
            : 'Deze melding is ingetrokken of verwijderd.'
        }
      </p>`;
  return html`${facts}${informationSection(registration, csrf, inform.values, inform.errors)}
    <h2 class="utrecht-heading-2">Melding intrekken</h2>
    <form method="post" action="/meldingen/${registration.id}/intrekken" novalidate>
      <input type="hidden" name="csrf" value="${csrf}" />
      <fieldset class="utrecht-form-fieldset" ${reasonError ? html`aria-describedby="reden-fout"` : ''}>
        <legend class="utrecht-form-fieldset__legend">Waarom trekt u de melding in?</legend>
        ${reasonError ? html`<div class="utrecht-form-field-error-message" id="reden-fout">${reasonError}</div>` : ''}
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id="reden-weg"
            name="reason"
            value="risk_gone"
          />
          <label class="utrecht-form-label utrecht-form-label--radio" for="reden-weg"
            >Het risico is weg (de melding gaat vijf jaar naar het archief)</label
          >
        </div>
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input
            class="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id="reden-onterecht"
            name="reason"
            value="unjustified"
          />
          <label class="utrecht-form-label utrecht-form-label--radio" for="reden-onterecht"
            >De melding was niet terecht (ze wordt meteen verwijderd)</label
          >
        </div>
      </fieldset>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Intrekken</button>
    </form>`;
}
