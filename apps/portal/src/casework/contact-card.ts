import { html, SafeHtml } from '../html';
import { dutchDate } from './dutch';

export interface ContactCardData {
  name: string;
  organisation: string;
  email: string;
  phone: string;
  standIn?: { name: string; email: string; phone: string; until: string } | null;
}

/** A person to contact about a match: name, organisation, phone and e-mail, and who stands in for them meanwhile. */
export function contactCard(person: ContactCardData, extra?: SafeHtml): SafeHtml {
  return html`<div class="portal-card">
    <h3 class="utrecht-heading-3">${person.name}</h3>
    <p class="utrecht-paragraph">${person.organisation}</p>
    <p class="utrecht-paragraph">
      Telefoon:
      ${person.phone ? html`<a class="utrecht-link" href="tel:${person.phone.replace(/[^+\d]/g, '')}">${person.phone}</a>` : 'onbekend'}<br />
      E-mail: <a class="utrecht-link" href="mailto:${person.email}">${person.email}</a>
    </p>
    ${
      person.standIn
        ? html`<p class="utrecht-paragraph">
            Afwezig tot en met ${dutchDate(person.standIn.until)}. Vervanger: <strong>${person.standIn.name}</strong>,
            <a class="utrecht-link" href="tel:${person.standIn.phone.replace(/[^+\d]/g, '')}">${person.standIn.phone}</a
            >,
            <a class="utrecht-link" href="mailto:${person.standIn.email}">${person.standIn.email}</a>
          </p>`
        : ''
    }
    ${extra ?? ''}
  </div>`;
}
