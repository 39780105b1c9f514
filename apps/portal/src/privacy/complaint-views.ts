import type { ComplaintsSummaryView, ComplaintView } from '@vir/privacy';
import { dutchDate } from '../casework/dutch';
import { choices, csrfField, dataList, dataTable, field, html, SafeHtml, select } from '../html';
import { countText } from '../dashboard/dashboard-views';
import { DEADLINE_LABELS } from './subject-request-views';

export const COMPLAINANT_LABELS: Record<string, string> = {
  youth: 'De jongere zelf',
  legal_representative: 'De wettelijk vertegenwoordiger (ouder of voogd)',
};
export const TOPIC_LABELS: Record<string, string> = {
  registration: 'De melding zelf (bijvoorbeeld: onterecht gemeld)',
  information: 'Niet of te laat geïnformeerd over de melding',
  rights: 'Inzage, correctie of verwijdering',
  follow_up: 'Wat er na een match gebeurde',
  security: 'Beveiliging of een datalek',
  other: 'Iets anders',
};
export const OUTCOME_LABELS: Record<string, string> = {
  founded: 'Gegrond',
  partly_founded: 'Deels gegrond',
  unfounded: 'Ongegrond',
  settled: 'In overleg opgelost',
  withdrawn: 'Ingetrokken',
};
const THE_INDEX = 'De verwijsindex of de gemeente zelf';

export interface ComplaintFormValues {
  receivedOn?: string;
  filedBy?: string;
  topic?: string;
  concernsOrganisationId?: string;
  reference?: string;
}
export interface ForwardFormValues {
  forwardedOn?: string;
}
export interface ResponseFormValues {
  respondedOn?: string;
  outcome?: string;
}

export function complaintForm(
  csrf: string,
  partners: { id: string; name: string }[],
  values: ComplaintFormValues = {},
  errors: ComplaintFormValues = {},
): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Een jongere of een ouder dient schriftelijk een klacht in over de verwijsindex, of over een partner die erin meldt
      (privacyprotocol artikel 5). Leg hier vast wanneer, door wie en waarover. De inhoud van de klacht en namen horen
      in uw eigen dossier, niet in de verwijsindex. Een schriftelijke reactie volgt binnen zes weken.
    </p>
    <form method="post" action="/klachten/nieuw" novalidate>
      ${csrfField(csrf)}
      ${field({ name: 'receivedOn', label: 'Ontvangen op', type: 'date', value: values.receivedOn, error: errors.receivedOn })}
      ${choices({
        name: 'filedBy',
        legend: 'Ingediend door',
        options: Object.entries(COMPLAINANT_LABELS),
        value: values.filedBy,
        error: errors.filedBy,
      })}
      ${choices({
        name: 'topic',
        legend: 'Waar gaat de klacht over?',
        options: Object.entries(TOPIC_LABELS),
        value: values.topic,
        error: errors.topic,
      })}
      ${select({
        name: 'concernsOrganisationId',
        label: 'Over wie',
        description:
          'Gaat de klacht over een partner, dan stuurt u haar door naar de klachtenregeling van die partner.',
        options: [['', THE_INDEX], ...partners.map((p): [string, string] => [p.id, p.name])],
        value: values.concernsOrganisationId,
        error: errors.concernsOrganisationId,
      })}
      ${field({
        name: 'reference',
        label: 'Kenmerk (niet verplicht)',
        description: 'Uw eigen kenmerk; leeg laten voor een kenmerk van de verwijsindex.',
        value: values.reference,
        error: errors.reference,
        required: false,
      })}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">Klacht vastleggen</button>
    </form>`;
}

function deadline(complaint: ComplaintView): SafeHtml {
  const label = DEADLINE_LABELS[complaint.deadline];
  return complaint.deadline === 'overdue' || complaint.deadline === 'due_soon'
    ? html`<strong>${label}</strong>`
    : html`${label}`;
}

/** The heading of the year's overview and the form to choose the year. */
function yearForm(value?: string, error?: string): SafeHtml {
  return html`<h2 class="utrecht-heading-2">Jaaroverzicht voor de evaluatie</h2>
    <form method="get" action="/klachten" class="portal-inline-form" novalidate>
      ${field({ name: 'jaar', label: 'Jaar', value, error, inputmode: 'numeric', required: false })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Tonen</button>
    </form>`;
}

function yearSummary(summary: ComplaintsSummaryView): SafeHtml {
  return html`${yearForm(String(summary.year))}
    <p class="utrecht-paragraph">
      Voor het jaarlijkse evaluatiegesprek met de partners (convenant 6.2). Een aantal van 1 tot en met 4 staat er als
      &lt;5.
    </p>
    ${dataTable(
      `Klachten ontvangen in ${summary.year}`,
      ['Ontvangen', 'Beantwoord', 'Waarvan op tijd', 'Nog open'],
      [
        [
          countText(summary.received),
          countText(summary.responded),
          countText(summary.respondedInTime),
          countText(summary.open),
        ],
      ],
    )}
    ${dataTable(
      `Klachten in ${summary.year} per onderwerp`,
      ['Onderwerp', 'Aantal'],
      summary.byTopic.map((t) => [TOPIC_LABELS[t.key], countText(t.count)]),
    )}
    ${dataTable(
      `Beantwoorde klachten in ${summary.year} per uitkomst`,
      ['Uitkomst', 'Aantal'],
      summary.byOutcome.map((o) => [OUTCOME_LABELS[o.key], countText(o.count)]),
    )}`;
}

export function complaintRegister(
  complaints: ComplaintView[],
  summary: ComplaintsSummaryView | null,
  yearError?: string,
): SafeHtml {
  const late = complaints.filter((c) => c.deadline === 'overdue').length;
  const soon = complaints.filter((c) => c.deadline === 'due_soon').length;
  return html`<p class="utrecht-paragraph">
      <a class="utrecht-button-link utrecht-button-link--primary-action" href="/klachten/nieuw">Klacht vastleggen</a>
    </p>
    ${
      late || soon
        ? html`<div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">
              ${late ? `${late} ${late === 1 ? 'klacht heeft' : 'klachten hebben'} na zes weken nog geen reactie. ` : ''}${
                soon
                  ? `${soon} ${soon === 1 ? 'klacht moet' : 'klachten moeten'} binnen een week een reactie krijgen.`
                  : ''
              }
            </p>
          </div>`
        : ''
    }
    ${
      complaints.length === 0
        ? html`<p class="utrecht-paragraph">Er zijn nog geen klachten vastgelegd.</p>`
        : dataTable(
            'Klachten',
            ['Kenmerk', 'Ontvangen', 'Over', 'Onderwerp', 'Uiterlijk reageren', 'Stand'],
            complaints.map((c) => [
              html`<a class="utrecht-link" href="/klachten/${c.id}">${c.reference}</a>`,
              dutchDate(c.receivedOn),
              c.concernsOrganisation ?? THE_INDEX,
              TOPIC_LABELS[c.topic],
              dutchDate(c.dueOn),
              html`${deadline(c)}${c.outcome ? html` (${OUTCOME_LABELS[c.outcome].toLowerCase()})` : ''}`,
            ]),
          )
    }
    ${summary ? yearSummary(summary) : yearForm(undefined, yearError)}`;
}

export function complaintPage(
  complaint: ComplaintView,
  csrf: string,
  notice?: SafeHtml,
  forms: {
    forward?: { values: ForwardFormValues; errors: ForwardFormValues };
    respond?: { values: ResponseFormValues; errors: ResponseFormValues; problem?: string };
  } = {},
): SafeHtml {
  const facts: [string, string][] = [
    ['Ontvangen op', dutchDate(complaint.receivedOn)],
    ['Ingediend door', COMPLAINANT_LABELS[complaint.filedBy]],
    ['Onderwerp', TOPIC_LABELS[complaint.topic]],
    ['Over', complaint.concernsOrganisation ?? THE_INDEX],
    ['Uiterlijk reageren', `${dutchDate(complaint.dueOn)} (${DEADLINE_LABELS[complaint.deadline].toLowerCase()})`],
    ...(complaint.forwardedOn
      ? ([['Doorgestuurd naar de klachtenregeling van de partner', dutchDate(complaint.forwardedOn)]] as [
          string,
          string,
        ][])
      : []),
    ...(complaint.respondedOn && complaint.outcome
      ? ([
          ['Reactie verstuurd op', dutchDate(complaint.respondedOn)],
          ['Uitkomst', OUTCOME_LABELS[complaint.outcome]],
        ] as [string, string][])
      : []),
  ];
  const open = !complaint.respondedOn;
  const forward = forms.forward ?? { values: {}, errors: {} };
  const respond = forms.respond ?? { values: {}, errors: {} };
  return html`${notice ?? ''} ${dataList(facts)}
    ${
      open && complaint.concernsOrganisationId && !complaint.forwardedOn
        ? html`<h2 class="utrecht-heading-2">Doorsturen naar de partner</h2>
            <p class="utrecht-paragraph">
              Iedere partner heeft een eigen klachtenregeling (privacyprotocol 5.2). Stuur de klacht daarheen en leg
              vast wanneer.
            </p>
            <form method="post" action="/klachten/${complaint.id}/doorgestuurd" novalidate>
              ${csrfField(csrf)}
              ${field({ name: 'forwardedOn', label: 'Doorgestuurd op', type: 'date', value: forward.values.forwardedOn, error: forward.errors.forwardedOn })}
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Doorsturen vastleggen
              </button>
            </form>`
        : ''
    }
    ${
      open
        ? html`<h2 class="utrecht-heading-2">Reactie vastleggen</h2>
            <p class="utrecht-paragraph">
              De indiener krijgt altijd een schriftelijke reactie (privacyprotocol 5.3). Daarna is de klacht
              afgehandeld.
            </p>
            ${respond.problem ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${respond.problem}</p></div>` : ''}
            <form method="post" action="/klachten/${complaint.id}/reactie" novalidate>
              ${csrfField(csrf)}
              ${field({ name: 'respondedOn', label: 'Reactie verstuurd op', type: 'date', value: respond.values.respondedOn, error: respond.errors.respondedOn })}
              ${choices({ name: 'outcome', legend: 'Uitkomst', options: Object.entries(OUTCOME_LABELS), value: respond.values.outcome, error: respond.errors.outcome })}
              <button type="submit" class="utrecht-button utrecht-button--primary-action">Reactie vastleggen</button>
            </form>`
        : ''
    }
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/klachten">Terug naar de klachten</a></p>`;
}
