import { AppError } from '@vir/common';
import { parse } from 'csv-parse/sync';
import type { ProfessionalRole } from '../../entities/professional.entity';

/** A file larger than this is split: the API's body limit allows about this many rows. */
export const MAX_IMPORT_ROWS = 500;

/** The columns of an import file, by the names a header may use (Dutch or as in the API). */
const COLUMNS = {
  name: ['naam', 'name'],
  email: ['e-mail', 'email', 'e-mailadres', 'emailadres'],
  phone: ['telefoon', 'telefoonnummer', 'phone'],
  role: ['rol', 'role'],
} as const;
export type ImportColumn = keyof typeof COLUMNS;

/** Role values as the gemeente writes them, beside the API's own. */
const ROLE_NAMES: Record<string, ProfessionalRole> = {
  meldingsbevoegde: 'professional',
  professional: 'professional',
  contactpersoon: 'coordinator',
  'contactpersoon verwijsindex': 'coordinator',
  coordinator: 'coordinator',
  regievoerder: 'follow_up_officer',
  follow_up_officer: 'follow_up_officer',
};

/** One data row of the file, with the line it is on (the header is line 1). */
export interface ImportRow {
  line: number;
  name: string;
  email: string;
  phone: string;
  /** The API's role, or the text as written when it names no role. */
  role: string;
}

const fileProblem = (code: string, title: string, detail: string) =>
  new AppError(code, 400, title, detail, [{ field: 'csv', reason: detail }]);

export const csvUnreadable = (detail: string) => fileProblem('CSV_UNREADABLE', 'File cannot be read as CSV', detail);

/**
 * The rows of an import file: a header naming the columns naam, e-mail, telefoon and rol (in any
 * order; comma or semicolon separated, as spreadsheets export), then one person per line.
 */
export function parseProfessionalCsv(text: string): ImportRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      delimiter: [';', ','],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw csvUnreadable(`The file is not valid CSV (${(error as { code?: string }).code ?? 'parse error'}).`);
  }
  const [first, ...rows] = records;
  const header = first?.record;
  if (!header) throw csvUnreadable('The file is empty: give a header line and one line per person.');
  const positions = {} as Record<ImportColumn, number>;
  const missing: string[] = [];
  for (const [column, names] of Object.entries(COLUMNS) as [ImportColumn, readonly string[]][]) {
    const index = header.findIndex((cell) => names.includes(cell.toLowerCase()));
    if (index < 0) missing.push(names[0]);
    positions[column] = index;
  }
  if (missing.length > 0)
    throw fileProblem(
      'CSV_COLUMNS_MISSING',
      'Columns missing',
      `The header line lacks the column(s) ${missing.join(', ')}; it must name naam, e-mail, telefoon and rol.`,
    );
  if (rows.length === 0) throw csvUnreadable('The file has a header but no person.');
  if (rows.length > MAX_IMPORT_ROWS)
    throw fileProblem(
      'CSV_TOO_MANY_ROWS',
      'Too many rows',
      `A file holds at most ${MAX_IMPORT_ROWS} people; split it into smaller files.`,
    );
  return rows.map(({ record: cells, info }) => {
    const cell = (column: ImportColumn) => cells[positions[column]] ?? '';
    const role = cell('role');
    return {
      line: info.lines,
      name: cell('name'),
      email: cell('email'),
      phone: cell('phone'),
      role: ROLE_NAMES[role.toLowerCase()] ?? role,
    };
  });
}
