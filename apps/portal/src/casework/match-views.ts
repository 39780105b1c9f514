import type { MatchView } from '@vir/matching';
import { html, SafeHtml } from '../html';
import { contactCard } from './contact-card';
import { dutchDate, dutchDateTime } from './dutch';

const OUTCOMES: [string, string][] = [
  ['contact_made', 'We hebben contact gehad'],
  ['already_acquainted', 'We waren al bekend met elkaar'],
  ['no_action_needed', 'Er is geen actie nodig'],
];
const OUTCOME_NAMES = Object.fromEntries(OUTCOMES);

/** "Ik heb contact gehad", with what came of it (an outcome, never a reason). */
function confirmForm(matchId: string, csrf: string): SafeHtml {
  return html`<form method="post" action="/matches/${matchId}/contact">
    <input type="hidden" name="csrf" value="${csrf}" />
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">Uitkomst van het contact</legend>
      ${OUTCOMES.map(
        ([value, label], i) =>
          html`<div class="utrecht-form-field utrecht-form-field--radio">
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id="uitkomst-${value}"
              name="outcome"
              value="${value}"
              ${i === 0 ? html`checked` : ''}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for="uitkomst-${value}">${label}</label>
          </div>`,
      )}
    </fieldset>
    <button type="submit" class="utrecht-button utrecht-button--primary-action">Ik heb contact gehad</button>
  </form>`;
}

const STATES: Record<string, string> = {
  open: 'Open: de betrokkenen hebben nog geen contact bevestigd',
  in_contact: 'In contact: de betrokkenen hebben elkaar gesproken',
  closed: 'Gesloten',
};

function postButton(action: string, csrf: string, label: string, variant = 'primary'): SafeHtml {
  return html`<form method="post" action="${action}">
    <input type="hidden" name="csrf" value="${csrf}" />
    <button type="submit" class="utrecht-button utrecht-button--${variant}-action">${label}</button>
  </form>`;
}

/** The match as a participant sees it: who is involved and how to reach them, who leads, and the follow-up. */
export function matchPage(
  match: MatchView,
  personId: string,
  csrf: string,
  notice?: SafeHtml,
  followUp?: SafeHtml,
): SafeHtml {
  const mine = match.participants.find((p) => p.professionalId === personId);
  const standingInFor = match.participants.filter((p) => p.standIn?.professionalId === personId);
  const canConfirm =
    match.followUp.state !== 'closed' &&
    (mine ? !mine.contactConfirmedAt : standingInFor.some((p) => !p.contactConfirmedAt));
  return html`${notice ?? ''}
    <p class="utrecht-paragraph"><strong>${STATES[match.followUp.state] ?? match.followUp.state}</strong></p>
    <p class="utrecht-paragraph">
      Ontstaan op ${dutchDateTime(match.createdAt)}.
      ${
        match.followUp.state === 'open' && match.followUp.escalationDueOn
          ? html`Bevestig het contact vóór ${dutchDate(match.followUp.escalationDueOn)}; daarna krijgt de regievoerder
            van de gemeente een signaal.`
          : ''
      }
    </p>
    <p class="utrecht-paragraph">
      Regie (wie de hulp afstemt):
      ${match.lead ? html`<strong>${match.lead.name}</strong>, ${match.lead.organisation}` : 'nog niemand'}.
    </p>
    <h2 class="utrecht-heading-2">Betrokkenen</h2>
    ${match.participants.map((p) =>
      contactCard(
        p,
        html`<p class="utrecht-paragraph">
          ${
            p.contactConfirmedAt
              ? html`Contact bevestigd op
                ${dutchDateTime(p.contactConfirmedAt)}${
                  p.contactConfirmedBy ? html` door ${p.contactConfirmedBy.name} (namens ${p.name})` : ''
                }${p.contactOutcome && OUTCOME_NAMES[p.contactOutcome] ? html`: ${OUTCOME_NAMES[p.contactOutcome].toLowerCase()}` : ''}.`
              : 'Contact nog niet bevestigd.'
          }
          ${p.professionalId === personId ? html`<strong>(u)</strong>` : ''}
        </p>`,
      ),
    )}
    <div class="portal-inline-form">
      ${canConfirm ? confirmForm(match.id, csrf) : ''}
      ${
        mine && match.followUp.state !== 'closed' && match.lead?.professionalId !== personId
          ? postButton(`/matches/${match.id}/regie`, csrf, 'Ik neem de regie', 'secondary')
          : ''
      }
    </div>
    ${followUp ?? ''}`;
}
