import { MAX_NEXT_CHECK_DAYS } from '@vir/matching';
import type { MatchView } from '@vir/matching';
import { dutchDate, dutchDateTime } from '../casework/dutch';
import { checkbox, choices, csrfField, field, html, SafeHtml } from '../html';

export const ESCALATION_OUTCOME_NAMES: Record<string, string> = {
  resolved: 'Opgelost: de betrokkenen hebben contact of weten wie de regie heeft',
  contact_pending: 'Gesproken, nog geen contact tussen de betrokkenen: ik kijk later opnieuw',
  escalated_again: 'Verder opgeschaald (naar de contactpersoon of leidinggevende): ik kijk later opnieuw',
};

export interface EscalationFormValues {
  contacted?: string[];
  outcome?: string;
  nextCheckOn?: string;
}
export type EscalationFormErrors = Partial<Record<keyof EscalationFormValues, string>>;

/** What the follow-up officer did so far, oldest first. */
function history(match: MatchView): SafeHtml {
  if (match.escalationActions.length === 0) return html``;
  return html`<h2 class="utrecht-heading-2">Opvolging door de gemeente</h2>
    <ul class="utrecht-unordered-list">
      ${match.escalationActions.map(
        (a) =>
          html`<li class="utrecht-unordered-list__item">
            ${dutchDateTime(a.recordedAt)}${a.recordedBy ? html`, ${a.recordedBy.name}` : ''}: gesproken met
            ${a.contacted.map((c) => c.name || 'een vertrokken medewerker').join(', ')}.
            ${ESCALATION_OUTCOME_NAMES[a.outcome] ?? a.outcome}${a.nextCheckOn ? html` (op ${dutchDate(a.nextCheckOn)})` : ''}.
          </li>`,
      )}
    </ul>`;
}

/** The escalated match's handling: whom the officer contacted, the outcome, the next check. */
function escalationForm(
  match: MatchView,
  csrf: string,
  values: EscalationFormValues,
  errors: EscalationFormErrors,
): SafeHtml {
  const contacted = new Set(values.contacted ?? []);
  return html`<h2 class="utrecht-heading-2">Escalatie afhandelen</h2>
    <p class="utrecht-paragraph">
      Leg vast wie u heeft gesproken en wat daarvan de uitkomst is. Schrijf hier niets over de jongere: wat er besproken
      is, hoort in het dossier van de hulpverlener.
    </p>
    <form method="post" action="/matches/${match.id}/afhandeling" novalidate>
      ${csrfField(csrf)}
      <fieldset
        class="utrecht-form-fieldset${errors.contacted ? ' utrecht-form-fieldset--invalid' : ''}"
        id="veld-contacted"
        ${errors.contacted ? html`aria-describedby="veld-contacted-fout"` : ''}
      >
        <legend class="utrecht-form-fieldset__legend">Wie heeft u gesproken?</legend>
        ${errors.contacted ? html`<div class="utrecht-form-field-error-message" id="veld-contacted-fout">${errors.contacted}</div>` : ''}
        ${match.participants.map((p) =>
          checkbox({
            name: 'contacted',
            value: p.professionalId,
            id: `veld-contacted-${p.professionalId}`,
            label: `${p.name} (${p.organisation})`,
            checked: contacted.has(p.professionalId),
          }),
        )}
      </fieldset>
      ${choices({
        name: 'outcome',
        legend: 'Uitkomst',
        options: Object.entries(ESCALATION_OUTCOME_NAMES),
        value: values.outcome,
        error: errors.outcome,
      })}
      ${field({
        name: 'nextCheckOn',
        label: 'Opnieuw bekijken op',
        type: 'date',
        description: `Alleen als het nog niet is opgelost: een dag na vandaag, binnen ${MAX_NEXT_CHECK_DAYS} dagen.`,
        value: values.nextCheckOn,
        error: errors.nextCheckOn,
        required: false,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Afhandeling vastleggen</button>
    </form>`;
}

/** The follow-up part of a match page: the history, and for the officer of an unresolved escalation, the form. */
export function escalationSection(
  match: MatchView,
  options: { officer: boolean; csrf: string; values?: EscalationFormValues; errors?: EscalationFormErrors },
): SafeHtml {
  const f = match.followUp;
  const handling = options.officer && f.state !== 'closed' && !!f.escalatedAt && !f.escalationResolvedAt;
  return html`${
    options.officer && f.escalatedAt
      ? html`<p class="utrecht-paragraph">
          Geëscaleerd op ${dutchDateTime(f.escalatedAt)}.
          ${
            f.escalationResolvedAt
              ? html`Afgehandeld op ${dutchDateTime(f.escalationResolvedAt)}.`
              : f.escalationNextCheckOn
                ? html`${f.escalationCheckDue ? html`<strong>Opnieuw bekijken</strong>: ` : 'Opnieuw bekijken op '}${dutchDate(f.escalationNextCheckOn)}.`
                : ''
          }
        </p>`
      : ''
  }
  ${history(match)} ${handling ? escalationForm(match, options.csrf, options.values ?? {}, options.errors ?? {}) : ''}`;
}
