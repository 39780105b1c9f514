import type { IncidentView } from '@vir/privacy';
import { dutchDateTime } from '../casework/dutch';
import { checkbox, choices, csrfField, dataList, field, html, SafeHtml } from '../html';

export interface IncidentFormValues {
  summary?: string;
  occurredAt?: string;
}

/** Hours (rounded down) until `deadline`, or a negative number once it passed. */
function hoursLeft(deadline: string, now: Date): number {
  return Math.floor((Date.parse(deadline) - now.getTime()) / 3_600_000);
}

/** The 24-hour duty to tell every partner (privacy protocol 8.2), as the register shows it. */
export function partnersClock(incident: IncidentView, now: Date): SafeHtml {
  const told = incident.notifications.filter((n) => n.status === 'notified');
  const all = incident.notifications.length;
  if (all > 0 && told.length === all) {
    const last =
      told
        .map((n) => n.notifiedAt ?? '')
        .sort()
        .at(-1) ?? '';
    const late = last > incident.notifyPartnersBy;
    return html`Alle ${all} partners ingelicht, op
    ${dutchDateTime(last)}${late ? html` — <strong>te laat</strong>` : ' (op tijd)'}.`;
  }
  const left = hoursLeft(incident.notifyPartnersBy, now);
  return html`${told.length} van ${all} partners ingelicht. Uiterlijk ${dutchDateTime(incident.notifyPartnersBy)}:
  ${left >= 0 ? html`<strong>nog ${left} uur</strong>` : html`<strong>termijn verstreken</strong>`}.`;
}

const DECISION_LABELS: Record<string, string> = {
  notified: 'Gemeld bij de Autoriteit Persoonsgegevens',
  not_notified: 'Niet gemeld: het datalek leidt waarschijnlijk niet tot een risico voor mensen (AVG 33 lid 1)',
};

/** The 72-hour term for the decision whether to notify the Autoriteit Persoonsgegevens (AVG 33). */
export function authorityClock(incident: IncidentView, now: Date): SafeHtml {
  const decided = incident.authorityDecision;
  if (decided)
    return html`${decided.decision === 'notified' ? 'Gemeld bij de Autoriteit Persoonsgegevens' : 'Niet gemeld bij de Autoriteit Persoonsgegevens'}${decided.authorityReference ? ` (meldnummer ${decided.authorityReference})` : ''};
    besloten op
    ${dutchDateTime(decided.decidedAt)}${decided.inTime ? ' (binnen 72 uur)' : html` — <strong>na de 72 uur</strong>`}.`;
  const left = hoursLeft(incident.authorityDecisionBy, now);
  return html`Besluit over melden bij de Autoriteit Persoonsgegevens uiterlijk
  ${dutchDateTime(incident.authorityDecisionBy)} (${left >= 0 ? `nog ${left} uur` : 'termijn verstreken'}).`;
}

export function incidentForm(
  csrf: string,
  values: IncidentFormValues = {},
  errors: Partial<IncidentFormValues> = {},
): SafeHtml {
  const invalid = (name: keyof IncidentFormValues) =>
    errors[name] ? html`aria-invalid="true" aria-describedby="veld-${name}-fout"` : '';
  const error = (name: keyof IncidentFormValues) =>
    errors[name]
      ? html`<div class="utrecht-form-field-error-message" id="veld-${name}-fout">${errors[name]}</div>`
      : '';
  return html`<p class="utrecht-paragraph">
      Is er iets misgegaan met gegevens uit de verwijsindex — een signaal naar de verkeerde persoon, een kwijtgeraakte
      laptop, een inlog die niet van u was? Meld het hier meteen. Alle partners van het convenant krijgen binnen 24 uur
      bericht, en de gemeente besluit binnen 72 uur of het bij de Autoriteit Persoonsgegevens gemeld wordt.
    </p>
    <form method="post" action="/datalekken/melden" novalidate>
      <input type="hidden" name="csrf" value="${csrf}" />
      <div class="utrecht-form-field utrecht-form-field--textarea">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="veld-summary">Wat is er gebeurd?</label>
        </div>
        <div class="utrecht-form-field-description" id="veld-summary-uitleg">
          Wat er gebeurde en wat u al deed. Geen namen of andere gegevens van een jongere.
        </div>
        ${error('summary')}
        <div class="utrecht-form-field__input">
          <textarea
            class="utrecht-textarea"
            id="veld-summary"
            name="summary"
            rows="6"
            maxlength="2000"
            ${invalid('summary')}
          >
${values.summary ?? ''}</textarea>
        </div>
      </div>
      ${field({
        name: 'occurredAt',
        label: 'Wanneer ontdekt?',
        type: 'datetime-local',
        description: 'Leeg laten als dat nu is.',
        value: values.occurredAt,
        error: errors.occurredAt,
        required: false,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Datalek melden</button>
    </form>`;
}

export function incidentReported(incident: IncidentView, now: Date): SafeHtml {
  return html`<div class="utrecht-alert utrecht-alert--ok" role="status">
      <p class="utrecht-paragraph">Uw melding ${incident.reference} is ontvangen.</p>
    </div>
    <p class="utrecht-paragraph" data-testid="partners-clock">${partnersClock(incident, now)}</p>
    <p class="utrecht-paragraph">${authorityClock(incident, now)}</p>
    <p class="utrecht-paragraph">De privacyfunctionaris van de gemeente volgt de melding verder op.</p>`;
}

export function incidentRegister(incidents: IncidentView[], now: Date): SafeHtml {
  if (incidents.length === 0) return html`<p class="utrecht-paragraph">Er zijn geen datalekken gemeld.</p>`;
  return html`${incidents.map(
    (incident) =>
      html`<div class="portal-card">
        <h2 class="utrecht-heading-3">${incident.reference}</h2>
        <p class="utrecht-paragraph">
          Gemeld op ${dutchDateTime(incident.reportedAt)}; ontdekt op ${dutchDateTime(incident.occurredAt)}.
        </p>
        <p class="utrecht-paragraph">${incident.summary}</p>
        <p class="utrecht-paragraph">${partnersClock(incident, now)}</p>
        <p class="utrecht-paragraph">${authorityClock(incident, now)}</p>
        <p class="utrecht-paragraph">
          ${incident.closedAt ? `Afgesloten op ${dutchDateTime(incident.closedAt)}. ` : ''}${incident.updates.length === 1 ? '1 update' : `${incident.updates.length} updates`}
          aan de partners.
          <a class="utrecht-link" href="/datalekken/${incident.id}">Opvolgen ${incident.reference}</a>
        </p>
      </div>`,
  )}`;
}

export interface DecisionFormValues {
  decision?: string;
  authorityReference?: string;
}
export interface UpdateFormValues {
  summary?: string;
  closes?: string;
}

/** One breach with its clocks, the decision on the Autoriteit and the updates to every partner (8.3). */
export function incidentPage(
  incident: IncidentView,
  csrf: string,
  now: Date,
  notice?: SafeHtml,
  forms: {
    decision?: { values: DecisionFormValues; errors: DecisionFormValues };
    update?: { values: UpdateFormValues; errors: UpdateFormValues; problem?: string };
  } = {},
): SafeHtml {
  const decision = forms.decision ?? { values: {}, errors: {} };
  const update = forms.update ?? { values: {}, errors: {} };
  return html`${notice ?? ''}
    ${dataList([
      ['Ontdekt op', dutchDateTime(incident.occurredAt)],
      ['Gemeld op', dutchDateTime(incident.reportedAt)],
      ['Wat er gebeurde', incident.summary],
      ['Partners ingelicht', partnersClock(incident, now)],
      ['Autoriteit Persoonsgegevens', authorityClock(incident, now)],
      ...(incident.closedAt ? ([['Afgesloten', dutchDateTime(incident.closedAt)]] as [string, string][]) : []),
    ])}
    ${
      incident.authorityDecision
        ? ''
        : html`<h2 class="utrecht-heading-2">Besluit over melden bij de Autoriteit Persoonsgegevens</h2>
            <p class="utrecht-paragraph">
              Een datalek wordt binnen 72 uur na ontdekking gemeld bij de Autoriteit Persoonsgegevens, tenzij het
              waarschijnlijk geen risico voor mensen oplevert (AVG artikel 33). Meld het bij de Autoriteit via haar
              eigen meldloket en leg hier het besluit vast.
            </p>
            <form method="post" action="/datalekken/${incident.id}/besluit" novalidate>
              ${csrfField(csrf)}
              ${choices({
                name: 'decision',
                legend: 'Besluit',
                options: Object.entries(DECISION_LABELS),
                value: decision.values.decision,
                error: decision.errors.decision,
              })}
              ${field({
                name: 'authorityReference',
                label: 'Meldnummer van de Autoriteit (niet verplicht)',
                description: 'Alleen als het datalek gemeld is.',
                value: decision.values.authorityReference,
                error: decision.errors.authorityReference,
                required: false,
              })}
              <button type="submit" class="utrecht-button utrecht-button--primary-action">Besluit vastleggen</button>
            </form>`
    }
    <h2 class="utrecht-heading-2">Updates aan de partners</h2>
    ${
      incident.updates.length === 0
        ? html`<p class="utrecht-paragraph">Nog geen updates.</p>`
        : html`<ol class="utrecht-ordered-list">
            ${incident.updates.map(
              (u) =>
                html`<li class="utrecht-ordered-list__item">
                  <p class="utrecht-paragraph">
                    ${dutchDateTime(u.recordedAt)}${u.closes ? ' (afsluitend)' : ''}: ${u.summary}
                  </p>
                  <p class="utrecht-paragraph">${u.partnersNotified} van ${u.partners} partners ingelicht.</p>
                </li>`,
            )}
          </ol>`
    }
    ${
      incident.closedAt
        ? ''
        : html`<p class="utrecht-paragraph">
              Houd de partners op de hoogte van nieuwe ontwikkelingen en van wat er gedaan is om het datalek te beperken
              en te voorkomen (privacyprotocol 8.3). Iedere partner krijgt de update per e-mail.
            </p>
            ${update.problem ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${update.problem}</p></div>` : ''}
            <form method="post" action="/datalekken/${incident.id}/update" novalidate>
              ${csrfField(csrf)}
              <div
                class="utrecht-form-field utrecht-form-field--textarea${update.errors.summary ? ' utrecht-form-field--invalid' : ''}"
              >
                <div class="utrecht-form-field__label">
                  <label class="utrecht-form-label" for="veld-summary">Wat is er nieuw?</label>
                </div>
                <div class="utrecht-form-field-description" id="veld-summary-uitleg">
                  Wat er gebeurde en welke maatregelen genomen zijn. Geen namen of andere gegevens van een jongere.
                </div>
                ${update.errors.summary ? html`<div class="utrecht-form-field-error-message" id="veld-summary-fout">${update.errors.summary}</div>` : ''}
                <div class="utrecht-form-field__input">
                  <textarea
                    class="utrecht-textarea"
                    id="veld-summary"
                    name="summary"
                    rows="5"
                    maxlength="2000"
                    aria-describedby="veld-summary-uitleg${update.errors.summary ? ' veld-summary-fout' : ''}"
                    ${update.errors.summary ? html`aria-invalid="true"` : ''}
                  >
${update.values.summary ?? ''}</textarea>
                </div>
              </div>
              ${checkbox({ name: 'closes', value: 'ja', label: 'Met deze update is het datalek afgesloten', checked: update.values.closes === 'ja' })}
              <button type="submit" class="utrecht-button utrecht-button--primary-action">Update versturen</button>
            </form>`
    }
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/datalekken">Terug naar de datalekken</a></p>`;
}
