import type { DashboardFigures, DashboardView } from '@vir/privacy';
import { stringify } from 'csv-stringify/sync';

const FIGURE_COLUMNS: [keyof DashboardFigures, string][] = [
  ['registrations', 'meldingen'],
  ['matches', 'matches'],
  ['signals', 'signalen'],
  ['inContactWithinDeadline', 'binnen_termijn_in_contact'],
  ['escalated', 'geescaleerd'],
  ['followUpRate', 'opvolging_binnen_termijn_procent'],
  ['medianDaysToContact', 'mediaan_dagen_tot_contact'],
  ['informationTasksOpen', 'informatietaken_open'],
  ['informationTasksOverdue', 'informatietaken_te_laat'],
];

const COLUMNS = [
  'niveau',
  'maand',
  'soort',
  'organisatie',
  'aansluiting',
  'nooit_gemeld',
  ...FIGURE_COLUMNS.map(([, name]) => name),
];

const figures = (f: Partial<DashboardFigures>) => FIGURE_COLUMNS.map(([key]) => f[key] ?? '');

/**
 * The dashboard as one CSV table for a spreadsheet: a row per level (total, month, organisation kind,
 * organisation), with the same suppression ("<5"). Semicolons and a byte order mark, as Dutch Excel
 * reads them; a cell that starts like a formula is escaped.
 */
export function dashboardCsv(view: DashboardView): string {
  const rows: (string | number | null)[][] = [
    ['totaal', `${view.from} t/m ${view.to}`, '', '', '', '', ...figures(view.total)],
    ...view.byMonth.map((m) => ['maand', m.month, '', '', '', '', ...figures(m)]),
    ...view.byOrganisationKind.map((k) => ['soort', '', k.organisationKind, '', '', '', ...figures(k)]),
    ...view.byOrganisation.map((o) => [
      'organisatie',
      '',
      o.organisationKind,
      o.name,
      o.status === 'connected' ? 'aangesloten' : 'afgesloten',
      o.neverRegistered ? 'ja' : 'nee',
      ...figures(o),
    ]),
  ];
  return stringify(
    rows.map((row) => row.map((cell) => (cell === null ? '' : cell))),
    {
      header: true,
      columns: COLUMNS,
      delimiter: ';',
      bom: true,
      escape_formulas: true,
    },
  );
}
