import type { IncidentView } from '@vir/privacy';
import { dutchDateTime } from '../casework/dutch';
import { field, html, SafeHtml } from '../html';

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

/** The 72-hour term for the decision whether to notify the Autoriteit Persoonsgegevens (AVG 33). */
export function authorityClock(incident: IncidentView, now: Date): SafeHtml {
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
      </div>`,
  )}`;
}
