import type { ProfessionalView, StandInView } from '@vir/organisations';
import { dutchDate } from '../casework/dutch';
import { csrfField, dataTable, field, html, SafeHtml } from '../html';
import { text } from '../portal-pages';
import type { Form } from '../portal-pages';
import { roleName } from '../login-pages';

export interface PersonRow {
  person: ProfessionalView;
  standIn?: StandInView;
  /** The contact details were not changed or confirmed for the configured months. */
  stale: boolean;
}

/** The coordinator's overview of the organisation's designated people, with their stand-ins and the check of their contact details. */
export function peopleList(rows: PersonRow[], csrf: string, months: number, notice?: SafeHtml): SafeHtml {
  const stale = rows.filter((r) => r.stale).length;
  return html`${notice ?? ''}
  ${
    stale
      ? html`<div class="utrecht-alert utrecht-alert--warning" role="status">
          <p class="utrecht-paragraph">
            Van ${stale} ${stale === 1 ? 'medewerker zijn' : 'medewerkers zijn'} de contactgegevens langer dan ${months}
            maanden niet bevestigd. Kloppen ze nog? Anderen bellen en mailen met deze gegevens na een signaal.
          </p>
        </div>`
      : ''
  }
  ${dataTable(
    'Aangewezen medewerkers van uw organisatie',
    ['Naam', 'Rol', 'Contact', 'Gegevens', 'Vervanger'],
    rows.map(({ person, standIn, stale }) => [
      person.name,
      roleName(person.role),
      html`${person.email}<br />${person.phone}`,
      html`${stale ? html`<strong>Controleren</strong>: ` : ''}bevestigd op ${dutchDate(person.contactConfirmedAt)}
        <form method="post" action="/medewerkers/${person.id}/bevestigen">
          ${csrfField(csrf)}
          <button type="submit" class="utrecht-button utrecht-button--subtle">
            Gegevens kloppen<span class="portal-visually-hidden"> voor ${person.name}</span>
          </button>
        </form>
        <a class="utrecht-link" href="/medewerkers/${person.id}/gegevens"
          >Wijzigen<span class="portal-visually-hidden"> voor ${person.name}</span></a
        >
        <form method="post" action="/medewerkers/${person.id}/uitnodigen">
          ${csrfField(csrf)}
          <button type="submit" class="utrecht-button utrecht-button--subtle">
            Uitnodiging sturen<span class="portal-visually-hidden"> aan ${person.name}</span>
          </button>
        </form>`,
      html`${standIn ? html`${standIn.standIn.name}, ${dutchDate(standIn.from)} t/m ${dutchDate(standIn.until)}<br />` : ''}
        <a class="utrecht-link" href="/medewerkers/${person.id}/vervanger"
          >Vervanging regelen<span class="portal-visually-hidden"> voor ${person.name}</span></a
        >${
          person.role === 'professional'
            ? html`<br /><a class="utrecht-link" href="/medewerkers/${person.id}/afmelden"
                  >Afmelden<span class="portal-visually-hidden"> ${person.name}</span></a
                >`
            : ''
        }`,
    ]),
  )}`;
}

export interface StandInFormValues {
  standInId?: string;
  from?: string;
  until?: string;
}

export type StandInFormErrors = Partial<Record<keyof StandInFormValues, string>>;

/** Choose a colleague of the same role for a period; or end the current stand-in. */
export function standInForm(
  person: ProfessionalView,
  colleagues: ProfessionalView[],
  current: StandInView | undefined,
  csrf: string,
  values: StandInFormValues,
  errors: StandInFormErrors = {},
): SafeHtml {
  const error = (name: keyof StandInFormValues) =>
    errors[name]
      ? html`<div class="utrecht-form-field-error-message" id="veld-${name}-fout">${errors[name]}</div>`
      : '';
  const invalid = (name: keyof StandInFormValues) =>
    errors[name] ? html`aria-invalid="true" aria-describedby="veld-${name}-fout"` : '';
  const date = (name: 'from' | 'until', label: string) =>
    field({ name, label, type: 'date', value: values[name], error: errors[name], required: false });
  return html`<p class="utrecht-paragraph">
      Tijdens vakantie of ziekte krijgt de vervanger een kopie van ieder nieuw signaal van ${person.name}, en kan hij of
      zij in diens matches bevestigen dat er contact is geweest. De anderen zien wie de vervanger is.
    </p>
    ${
      current
        ? html`<div class="portal-card">
            <p class="utrecht-paragraph">
              Nu geregeld: <strong>${current.standIn.name}</strong>, van ${dutchDate(current.from)} tot en met
              ${dutchDate(current.until)}${current.active ? ' (loopt nu)' : ''}.
            </p>
            <form method="post" action="/medewerkers/${person.id}/vervanger/einde">
              <input type="hidden" name="csrf" value="${csrf}" />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Vervanging beëindigen
              </button>
            </form>
          </div>`
        : ''
    }
    ${
      colleagues.length === 0
        ? html`<p class="utrecht-paragraph">Er is geen andere medewerker met dezelfde rol die kan vervangen.</p>`
        : html`<form method="post" action="/medewerkers/${person.id}/vervanger" novalidate>
            <input type="hidden" name="csrf" value="${csrf}" />
            <div class="utrecht-form-field utrecht-form-field--select">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="veld-standInId">Vervanger</label>
              </div>
              ${error('standInId')}
              <div class="utrecht-form-field__input">
                <select class="utrecht-select" id="veld-standInId" name="standInId" ${invalid('standInId')}>
                  <option value="">Kies een collega…</option>
                  ${colleagues.map(
                    (c) =>
                      html`<option value="${c.id}" ${values.standInId === c.id ? html`selected` : ''}>
                        ${c.name}
                      </option>`,
                  )}
                </select>
              </div>
            </div>
            ${date('from', 'Eerste dag')} ${date('until', 'Laatste dag')}
            <button type="submit" class="utrecht-button utrecht-button--primary-action">Vervanging opslaan</button>
          </form>`
    }
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerkers">Terug naar de medewerkers</a></p>`;
}

export interface ContactFormValues {
  name?: string;
  email?: string;
  phone?: string;
}

/** The contact fields as typed, cut to what the contract allows. */
export function contactValues(form: Form): Required<ContactFormValues> {
  return { name: text(form, 'name', 200), email: text(form, 'email', 254).trim(), phone: text(form, 'phone', 32) };
}

export const CONTACT_MESSAGES: Required<ContactFormValues> = {
  name: 'Vul de naam in (hooguit 200 tekens).',
  email: 'Vul een geldig e-mailadres in.',
  phone: 'Vul een telefoonnummer in van 8 tot 22 cijfers (spaties, streepjes en + mogen).',
};

/** Name, e-mail and phone: the contact card others see with a signal (Jw 7.1.4.3(1)(a)). */
export function contactFields(values: ContactFormValues, errors: ContactFormValues): SafeHtml {
  return html`${field({ name: 'name', label: 'Naam', autocomplete: 'off', value: values.name, error: errors.name })}
  ${field({ name: 'email', label: 'E-mailadres', type: 'email', autocomplete: 'off', value: values.email, error: errors.email })}
  ${field({ name: 'phone', label: 'Telefoonnummer', type: 'tel', autocomplete: 'off', value: values.phone, error: errors.phone })}`;
}

export function contactForm(
  person: ProfessionalView,
  csrf: string,
  values: ContactFormValues,
  errors: ContactFormValues,
): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Deze gegevens staan op de contactkaart die anderen bij een signaal zien. Na het opslaan gelden ze als bevestigd.
    </p>
    <form method="post" action="/medewerkers/${person.id}/gegevens" novalidate>
      ${csrfField(csrf)} ${contactFields(values, errors)}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Gegevens opslaan</button>
    </form>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerkers">Terug naar de medewerkers</a></p>`;
}

/**
 * Ending a professional's designation (leaving, another job): what they hold goes to the successor
 * the coordinator chooses, so nobody's signal or match is left with a person who is gone.
 */
export function deactivateForm(
  person: ProfessionalView,
  successors: ProfessionalView[],
  csrf: string,
  value: string,
  error?: string,
): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Na het afmelden kan ${person.name} niet meer inloggen en krijgt geen signalen meer. Zijn of haar lopende
      meldingen, plaatsen in open matches en signalen gaan naar de opvolger die u kiest; de anderen in die matches zien
      de opvolger. Heeft ${person.name} niets lopen, dan is een opvolger niet nodig.
    </p>
    <form method="post" action="/medewerkers/${person.id}/afmelden" novalidate>
      ${csrfField(csrf)}
      <div class="utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="veld-successorId">Opvolger</label>
        </div>
        ${error ? html`<div class="utrecht-form-field-error-message" id="veld-successorId-fout">${error}</div>` : ''}
        <div class="utrecht-form-field__input">
          <select
            class="utrecht-select"
            id="veld-successorId"
            name="successorId"
            ${error ? html`aria-invalid="true" aria-describedby="veld-successorId-fout"` : ''}
          >
            <option value="">Geen opvolger</option>
            ${successors.map(
              (c) =>
                html`<option value="${c.id}" ${value === c.id ? html`selected` : ''}>
                  ${c.name} (${roleName(c.role)})
                </option>`,
            )}
          </select>
        </div>
      </div>
      <button type="submit" class="utrecht-button utrecht-button--primary-action">${person.name} afmelden</button>
    </form>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerkers">Terug naar de medewerkers</a></p>`;
}
