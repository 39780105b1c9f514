import type { Count, DashboardFigures, DashboardView } from '@vir/privacy';
import { dataList, dataTable, field, html, SafeHtml } from '../html';
import { ORGANISATION_KIND_LABELS } from '../onboarding/organisation-views';
import { barChart } from './bar-chart';

export interface DashboardFilterValues {
  van?: string;
  tot?: string;
}
export type DashboardFilterErrors = Partial<Record<keyof DashboardFilterValues, string>>;

const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const NUMBER = new Intl.NumberFormat('nl-NL');

const SHORT_MONTH_NAMES = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "december 2026" for 2026-12. */
export function dutchMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Short names of the categories for a chart's axis; the tables give the full names. */
const SHORT_KIND_LABELS: Record<string, string> = {
  youth_care: 'Jeugdhulp',
  youth_health_care: 'JGZ',
  health_care: 'Zorg',
  education: 'Onderwijs',
  social_support: 'Wmo',
  work_and_income: 'Werk',
  police_and_justice: 'Politie',
  municipality: 'Gemeente',
};

export function kindLabel(kind: string): string {
  return ORGANISATION_KIND_LABELS[kind] ?? kind;
}

/** A count as shown: a number with Dutch separators, or "<5". */
export function countText(value: Count): string {
  return typeof value === 'number' ? NUMBER.format(value) : value;
}

export function rateText(value: DashboardFigures['followUpRate']): string {
  return value === null ? 'geen' : typeof value === 'number' ? `${value}%` : value;
}

export function daysText(value: DashboardFigures['medianDaysToContact']): string {
  if (value === null) return 'geen';
  if (typeof value !== 'number') return value;
  return `${NUMBER.format(value)} ${value === 1 ? 'dag' : 'dagen'}`;
}

const FIGURE_HEADERS = [
  'Meldingen',
  'Matches',
  'Signalen',
  'Binnen de termijn in contact',
  'Geëscaleerd',
  'Opvolging binnen de termijn',
  'Tijd tot contact (mediaan)',
  'Informatietaken open',
  'Waarvan te laat',
];

function figureCells(f: DashboardFigures): string[] {
  return [
    countText(f.registrations),
    countText(f.matches),
    countText(f.signals),
    countText(f.inContactWithinDeadline),
    countText(f.escalated),
    rateText(f.followUpRate),
    daysText(f.medianDaysToContact),
    countText(f.informationTasksOpen),
    countText(f.informationTasksOverdue),
  ];
}

function filters(values: DashboardFilterValues, errors: DashboardFilterErrors): SafeHtml {
  const query = new URLSearchParams(
    Object.entries(values).filter((entry): entry is [string, string] => !!entry[1] && !errors[entry[0] as 'van']),
  );
  return html`<form method="get" action="/dashboard" novalidate class="portal-inline-form">
      ${field({ name: 'van', label: 'Van (maand)', type: 'month', value: values.van, error: errors.van, description: 'Bijvoorbeeld 2026-01', required: false })}
      ${field({ name: 'tot', label: 'Tot en met (maand)', type: 'month', value: values.tot, error: errors.tot, description: 'Hoogstens 36 maanden', required: false })}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">Tonen</button>
    </form>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/dashboard/csv?${query.toString()}" download>Cijfers downloaden (CSV)</a>
    </p>`;
}

function keyFigures(view: DashboardView): SafeHtml {
  const t = view.total;
  const items: [string, string][] = [
    ['Meldingen', countText(t.registrations)],
    ['Matches', countText(t.matches)],
    ['Signalen', countText(t.signals)],
    ['Opvolging binnen de termijn', rateText(t.followUpRate)],
    ['Tijd tot contact (mediaan)', daysText(t.medianDaysToContact)],
    ['Informatietaken open (vandaag)', countText(t.informationTasksOpen)],
    ['Informatietaken te laat (vandaag)', countText(t.informationTasksOverdue)],
  ];
  return html`<h2 class="utrecht-heading-2">Kerncijfers</h2>
    ${dataList(items, 'portal-key-figures')}`;
}

function months(view: DashboardView): SafeHtml {
  return html`<h2 class="utrecht-heading-2">Per maand</h2>
    ${barChart({
      id: 'grafiek-maanden',
      title: `Meldingen en matches per maand, ${dutchMonth(view.from)} tot en met ${dutchMonth(view.to)}`,
      summary: `In totaal ${countText(view.total.registrations)} meldingen en ${countText(view.total.matches)} matches.`,
      // The month's short name, with the year under January and under the first month.
      categories: view.byMonth.map(
        (m, i) =>
          `${SHORT_MONTH_NAMES[Number(m.month.slice(5, 7)) - 1]}${i === 0 || m.month.endsWith('-01') ? `\n${m.month.slice(0, 4)}` : ''}`,
      ),
      series: [
        { name: 'Meldingen', values: view.byMonth.map((m) => m.registrations) },
        { name: 'Matches', values: view.byMonth.map((m) => m.matches) },
      ],
    })}
    ${dataTable(
      'Meldingen, matches en signalen per maand',
      ['Maand', 'Meldingen', 'Matches', 'Signalen'],
      view.byMonth.map((m) => [
        dutchMonth(m.month),
        countText(m.registrations),
        countText(m.matches),
        countText(m.signals),
      ]),
    )}`;
}

function kinds(view: DashboardView): SafeHtml {
  const rows = view.byOrganisationKind;
  return html`<h2 class="utrecht-heading-2">Per soort organisatie</h2>
    ${barChart({
      id: 'grafiek-soorten',
      title: 'Meldingen en matches per soort organisatie',
      summary: rows.map((k) => `${kindLabel(k.organisationKind)}: ${countText(k.registrations)} meldingen`).join('; '),
      categories: rows.map((k) => SHORT_KIND_LABELS[k.organisationKind] ?? k.organisationKind),
      series: [
        { name: 'Meldingen', values: rows.map((k) => k.registrations) },
        { name: 'Matches', values: rows.map((k) => k.matches) },
      ],
    })}
    ${dataTable(
      'Cijfers per soort organisatie',
      ['Soort', 'Aangesloten organisaties', ...FIGURE_HEADERS],
      rows.map((k) => [kindLabel(k.organisationKind), String(k.organisations), ...figureCells(k)]),
    )}`;
}

function organisations(view: DashboardView): SafeHtml {
  const never = view.byOrganisation.filter((o) => o.neverRegistered && o.status === 'connected');
  return html`<h2 class="utrecht-heading-2">Per organisatie</h2>
    <p class="utrecht-paragraph">
      ${
        never.length === 0
          ? 'Elke aangesloten organisatie heeft gemeld.'
          : `${never.length} aangesloten ${never.length === 1 ? 'organisatie heeft' : 'organisaties hebben'} nog nooit gemeld. Misschien hebben zij uitleg of een login nodig.`
      }
    </p>
    ${dataTable(
      'Cijfers per organisatie',
      ['Organisatie', 'Soort', 'Aansluiting', ...FIGURE_HEADERS],
      view.byOrganisation.map((o) => [
        html`${o.name}${o.neverRegistered ? html` <span class="utrecht-badge-status portal-badge">nog nooit gemeld</span>` : ''}`,
        kindLabel(o.organisationKind),
        o.status === 'connected' ? 'aangesloten' : 'afgesloten',
        ...figureCells(o),
      ]),
    )}`;
}

/** The administrator's dashboard: the filter, the key figures, the charts and their tables. */
export function dashboardPage(
  view: DashboardView | null,
  values: DashboardFilterValues,
  errors: DashboardFilterErrors,
): SafeHtml {
  return html`<p class="utrecht-paragraph">
      Hoe de verwijsindex in uw gemeente wordt gebruikt: meldingen, matches en signalen in de gekozen maanden, en hoe
      snel professionals na een match contact hebben. Een aantal van 1 tot en met 4 staat er als &lt;5, zodat niemand te
      herkennen is. Opvolging binnen de termijn telt de matches die in contact zijn of waarvan de termijn voorbij is.
    </p>
    ${filters(values, errors)}
    ${view ? html`${keyFigures(view)}${months(view)}${kinds(view)}${organisations(view)}` : ''}`;
}
