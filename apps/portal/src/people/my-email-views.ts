import { button, choices, csrfField, html, SafeHtml } from '../html';

export const DIGEST_CHOICES: [string, string][] = [
  ['per-signaal', 'Bij ieder signaal een e-mail'],
  ['dagelijks', 'Eén e-mail per dag met alle nieuwe signalen'],
];

/** "Mijn e-mail": one e-mail per signal, or one daily digest (the follow-up officer's copies above all). */
export function myEmailPage(
  csrf: string,
  daily: boolean,
  hour: number,
  options: { notice?: SafeHtml; error?: string } = {},
): SafeHtml {
  return html`${options.notice ?? ''}
    <p class="utrecht-paragraph">
      Krijgt u veel signalen, zoals een regievoerder met de kopieën van alle matches, dan kunt u kiezen voor één
      overzicht per dag. Dat komt elke ochtend vanaf ${hour}:00 uur, met de signalen van sinds het vorige overzicht. In
      de verwijsindex staan nieuwe signalen altijd meteen klaar, en het zaaksysteem van uw organisatie krijgt ze ook
      meteen.
    </p>
    <form method="post" action="/mijn-email" novalidate>
      ${csrfField(csrf)}
      ${choices({
        name: 'email',
        legend: 'E-mail over signalen',
        options: DIGEST_CHOICES,
        value: daily ? 'dagelijks' : 'per-signaal',
        error: options.error,
      })}
      ${button('Opslaan')}
    </form>`;
}
