import { readCsvTable } from '@vir/common';

/** A file larger than this is split (the register of a college holds institutions, not thousands). */
export const MAX_EXCLUSION_ROWS = 1000;

const COLUMNS = {
  bagId: ['bag_id', 'bagid', 'bag-id', 'adresseerbaarobjectidentificatie'],
  postcode: ['postcode'],
  houseNumber: ['huisnummer', 'housenumber'],
  reason: ['reden', 'reason'],
} as const;

/** One data row: the cells as written, with the line it is on (the header is line 1). */
export interface ExclusionCsvRow {
  line: number;
  bagId: string;
  postcode: string;
  houseNumber: string;
  reason: string;
}

/**
 * The rows of an import file of excluded addresses: a header naming reden and either bag_id, or
 * postcode and huisnummer (or both kinds of column, each row filling one), then one address per line.
 */
export function parseExclusionCsv(text: string): ExclusionCsvRow[] {
  return readCsvTable(text, {
    columns: COLUMNS,
    optional: ['bagId', 'postcode', 'houseNumber'],
    maxRows: MAX_EXCLUSION_ROWS,
    row: { one: 'address', many: 'addresses' },
  }).map(({ line, cell }) => ({
    line,
    bagId: cell('bagId'),
    postcode: cell('postcode'),
    houseNumber: cell('houseNumber'),
    reason: cell('reason'),
  }));
}
