import { parse } from 'csv-parse/sync';
import { AppError } from './app-error';

const fileProblem = (code: string, title: string, detail: string) =>
  new AppError(code, 400, title, detail, [{ field: 'csv', reason: detail }]);

export const csvUnreadable = (detail: string) => fileProblem('CSV_UNREADABLE', 'File cannot be read as CSV', detail);

/** One data row of a file, with the line it is on (the header is line 1). */
export interface CsvRow<C extends string> {
  line: number;
  /** The cell of a column ('' when the row or the header lacks it). */
  cell: (column: C) => string;
}

export interface CsvTableShape<C extends string> {
  /** Each column by the names a header may use (Dutch or as in the API), lower case; the first is the one named in errors. */
  columns: Record<C, readonly string[]>;
  /** Columns the header may leave out. */
  optional?: readonly NoInfer<C>[];
  maxRows: number;
  /** What a row is, in the errors: `person` / `people`. */
  row: { one: string; many: string };
}

/**
 * The rows of an import file: a header naming the columns (in any order; comma or semicolon
 * separated, as spreadsheets export), then one item per line. A file that cannot be read, lacks a
 * column or holds too many rows is refused as a whole (400 CSV_UNREADABLE, CSV_COLUMNS_MISSING,
 * CSV_TOO_MANY_ROWS, field `csv`).
 */
export function readCsvTable<C extends string>(text: string, shape: CsvTableShape<C>): CsvRow<C>[] {
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
  const required = (Object.keys(shape.columns) as C[]).filter((c) => !shape.optional?.includes(c));
  const names = required.map((c) => shape.columns[c][0]).join(', ');
  if (!header) throw csvUnreadable(`The file is empty: give a header line and one line per ${shape.row.one}.`);
  const positions = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [column, aliases] of Object.entries(shape.columns) as [C, readonly string[]][]) {
    const index = header.findIndex((cell) => aliases.includes(cell.toLowerCase()));
    if (index < 0 && !shape.optional?.includes(column)) missing.push(aliases[0]);
    positions[column] = index;
  }
  if (missing.length > 0)
    throw fileProblem(
      'CSV_COLUMNS_MISSING',
      'Columns missing',
      `The header line lacks the column(s) ${missing.join(', ')}; it must name ${names}.`,
    );
  if (rows.length === 0) throw csvUnreadable(`The file has a header but no ${shape.row.one}.`);
  if (rows.length > shape.maxRows)
    throw fileProblem(
      'CSV_TOO_MANY_ROWS',
      'Too many rows',
      `A file holds at most ${shape.maxRows} ${shape.row.many}; split it into smaller files.`,
    );
  return rows.map(({ record: cells, info }) => ({
    line: info.lines,
    cell: (column: C) => (positions[column] < 0 ? '' : (cells[positions[column]] ?? '')),
  }));
}
