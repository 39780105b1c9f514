import type { ProfessionalView, StandInView } from '@vir/organisations';
import { dutchDate } from '../casework/dutch';
import { field, html, SafeHtml } from '../html';
import { roleName } from '../login-pages';

export interface PersonRow {
  person: ProfessionalView;
  standIn?: StandInView;
}

/** The coordinator's overview of the organisation's designated people, with their stand-ins. */
export function peopleList(rows: PersonRow[], notice?: SafeHtml): SafeHtml {
  return html`${notice ?? ''}
    <div class="portal-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          Aangewezen medewerkers van uw organisatie
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Naam</th>
            <th class="utrecht-table__header-cell" scope="col">Rol</th>
            <th class="utrecht-table__header-cell" scope="col">Contact</th>
            <th class="utrecht-table__header-cell" scope="col">Vervanger</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          ${rows.map(
            ({ person, standIn }) =>
              html`<tr class="utrecht-table__row">
                <td class="utrecht-table__cell">${person.name}</td>
                <td class="utrecht-table__cell">${roleName(person.role)}</td>
                <td class="utrecht-table__cell">${person.email}<br />${person.phone}</td>
                <td class="utrecht-table__cell">
                  ${
                    standIn
                      ? html`${standIn.standIn.name}, ${dutchDate(standIn.from)} t/m ${dutchDate(standIn.until)}<br />`
                      : ''
                  }
                  <a class="utrecht-link" href="/medewerkers/${person.id}/vervanger"
                    >Vervanging regelen<span class="portal-visually-hidden"> voor ${person.name}</span></a
                  >
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
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
