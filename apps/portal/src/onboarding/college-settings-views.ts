import { dutchDate } from '../casework/dutch';
import { csrfField, field, html, SafeHtml } from '../html';

export interface CollegeSettingsValues {
  followUpReminderWorkingDays?: string;
  followUpEscalationWorkingDays?: string;
}

/** The college's closing days as the page shows them, with what was typed into the add field. */
export interface ClosingDaysState {
  upcoming: string[];
  closingDay?: string;
  error?: string;
}

export function collegeSettingsForm(
  csrf: string,
  values: CollegeSettingsValues,
  errors: CollegeSettingsValues,
  defaults: { reminder: number; escalation: number },
  closing: ClosingDaysState,
  notice?: SafeHtml,
): SafeHtml {
  return html`${notice ?? ''}
    <h2 class="utrecht-heading-2">Termijnen na een match</h2>
    <p class="utrecht-paragraph">
      Na een match krijgen de betrokkenen een herinnering als niemand het contact bevestigde, en daarna krijgt de
      regievoerder een escalatiesignaal. De termijnen tellen in werkdagen: weekenden en de Nederlandse feestdagen
      (Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag, Bevrijdingsdag, Hemelvaart, Pinksteren en Kerst) tellen niet
      mee. Een wijziging geldt voor nieuwe matches.
    </p>
    <form method="post" action="/instellingen" novalidate>
      ${csrfField(csrf)}
      ${field({
        name: 'followUpReminderWorkingDays',
        label: 'Herinnering na (werkdagen)',
        inputmode: 'numeric',
        description: `Leeg: de standaard van ${defaults.reminder} werkdagen.`,
        value: values.followUpReminderWorkingDays,
        error: errors.followUpReminderWorkingDays,
        required: false,
      })}
      ${field({
        name: 'followUpEscalationWorkingDays',
        label: 'Escalatie naar de regievoerder na (werkdagen)',
        inputmode: 'numeric',
        description: `Leeg: de standaard van ${defaults.escalation} werkdagen. Na de herinnering.`,
        value: values.followUpEscalationWorkingDays,
        error: errors.followUpEscalationWorkingDays,
        required: false,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Opslaan</button>
    </form>
    ${closingDaysSection(csrf, closing)}
    <h2 class="utrecht-heading-2">Huisstijl</h2>
    <p class="utrecht-paragraph">
      Logo en kleuren stelt de beheerder van de installatie in voor de hele regio (zie de handleiding: een eigen
      huisstijl).
    </p>`;
}

function closingDaysSection(csrf: string, closing: ClosingDaysState): SafeHtml {
  return html`<h2 class="utrecht-heading-2" id="sluitingsdagen">Sluitingsdagen</h2>
    <p class="utrecht-paragraph">
      Dagen waarop de gemeente dicht is, zoals de dagen tussen Kerst en Nieuwjaar of een brugdag. Ze tellen niet mee als
      werkdag in de termijnen van nieuwe matches. Voorbije dagen verdwijnen vanzelf uit de lijst.
    </p>
    ${
      closing.upcoming.length === 0
        ? html`<p class="utrecht-paragraph">Er zijn geen sluitingsdagen ingesteld.</p>`
        : html`<ul class="utrecht-unordered-list" aria-label="Ingestelde sluitingsdagen">
            ${closing.upcoming.map(
              (day) =>
                html`<li class="utrecht-unordered-list__item">
                  <form method="post" action="/instellingen/sluitingsdagen/verwijderen" class="portal-inline-form">
                    ${csrfField(csrf)}
                    <input type="hidden" name="day" value="${day}" />
                    ${dutchDate(day)}
                    <button type="submit" class="utrecht-button utrecht-button--subtle">
                      Verwijderen<span class="portal-visually-hidden">: ${dutchDate(day)}</span>
                    </button>
                  </form>
                </li>`,
            )}
          </ul>`
    }
    <form method="post" action="/instellingen/sluitingsdagen" novalidate>
      ${csrfField(csrf)}
      ${field({
        name: 'closingDay',
        label: 'Sluitingsdag toevoegen',
        type: 'date',
        value: closing.closingDay,
        error: closing.error,
      })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Dag toevoegen</button>
    </form>`;
}
