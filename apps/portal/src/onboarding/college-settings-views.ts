import { csrfField, field, html, SafeHtml } from '../html';

export interface CollegeSettingsValues {
  followUpReminderWorkingDays?: string;
  followUpEscalationWorkingDays?: string;
}

export function collegeSettingsForm(
  csrf: string,
  values: CollegeSettingsValues,
  errors: CollegeSettingsValues,
  defaults: { reminder: number; escalation: number },
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
    <h2 class="utrecht-heading-2">Huisstijl</h2>
    <p class="utrecht-paragraph">
      Logo en kleuren stelt de beheerder van de installatie in voor de hele regio (zie de handleiding: een eigen
      huisstijl).
    </p>`;
}
