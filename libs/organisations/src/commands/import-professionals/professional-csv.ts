import { readCsvTable } from '@vir/common';
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

/**
 * The rows of an import file: a header naming the columns naam, e-mail, telefoon and rol (in any
 * order; comma or semicolon separated, as spreadsheets export), then one person per line.
 */
export function parseProfessionalCsv(text: string): ImportRow[] {
  return readCsvTable(text, { columns: COLUMNS, maxRows: MAX_IMPORT_ROWS, row: { one: 'person', many: 'people' } }).map(
    ({ line, cell }) => {
      const role = cell('role');
      return {
        line,
        name: cell('name'),
        email: cell('email'),
        phone: cell('phone'),
        role: ROLE_NAMES[role.toLowerCase()] ?? role,
      };
    },
  );
}
