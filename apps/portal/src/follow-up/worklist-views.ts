import type { MatchView } from '@vir/matching';
import { dutchDate, dutchDateTime } from '../casework/dutch';
import { dataTable, html, SafeHtml } from '../html';

export const WORKLIST_FILTERS: [string, string][] = [
  ['open', 'Open'],
  ['overdue', 'Over tijd'],
  ['escalated', 'Geëscaleerd'],
  ['check_due', 'Opnieuw bekijken'],
  ['in_contact', 'In contact'],
  ['closed', 'Gesloten'],
];

const STATE: Record<string, string> = { open: 'Open', in_contact: 'In contact', closed: 'Gesloten' };

function escalationState(m: MatchView): SafeHtml {
  const f = m.followUp;
  if (f.escalationResolvedAt) return html`, escalatie afgehandeld`;
  if (f.escalationNextCheckOn)
    return f.escalationCheckDue
      ? html`, geëscaleerd, <strong>opnieuw bekijken</strong> (${dutchDate(f.escalationNextCheckOn)})`
      : html`, geëscaleerd, opnieuw bekijken op ${dutchDate(f.escalationNextCheckOn)}`;
  return html`, geëscaleerd`;
}

/** The follow-up officer's worklist: the college's matches, filtered, each with its deadline and who takes part. */
export function worklist(matches: MatchView[], filter: string): SafeHtml {
  return html`<form method="get" action="/werklijst" class="portal-inline-form">
      <div class="utrecht-form-field utrecht-form-field--select">
        <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="veld-filter">Toon</label></div>
        <div class="utrecht-form-field__input">
          <select class="utrecht-select" id="veld-filter" name="filter">
            ${WORKLIST_FILTERS.map(
              ([value, label]) =>
                html`<option value="${value}" ${value === filter ? html`selected` : ''}>${label}</option>`,
            )}
          </select>
        </div>
      </div>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Tonen</button>
    </form>
    ${
      matches.length === 0
        ? html`<p class="utrecht-paragraph">Geen matches in deze lijst.</p>`
        : dataTable(
            'Matches van uw gemeente, nieuwste eerst',
            ['Match', 'Status', 'Contact bevestigen vóór', 'Betrokken organisaties'],
            matches.map((m) => [
              html`<a class="utrecht-link" href="/matches/${m.id}">Match van ${dutchDateTime(m.createdAt)}</a>`,
              html`${STATE[m.followUp.state] ?? m.followUp.state}${m.followUp.overdue ? html`, <strong>over tijd</strong>` : ''}${
                m.followUp.escalatedAt ? escalationState(m) : ''
              }`,
              m.followUp.escalationDueOn ? dutchDate(m.followUp.escalationDueOn) : '—',
              [...new Set(m.participants.map((p) => p.organisation))].join(', '),
            ]),
          )
    }`;
}
