import { AppError } from '@vir/common';
import { MAX_IMPORT_ROWS, parseProfessionalCsv } from './professional-csv';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
};

describe('parseProfessionalCsv', () => {
  it('reads a semicolon file from a spreadsheet, with a BOM, Dutch headers in any order and Dutch roles', () => {
    const rows = parseProfessionalCsv(
      '\ufeffRol;Naam;E-mail;Telefoon\r\nMeldingsbevoegde;A. de Vries;a@example.org;077 123 4567\r\n\r\nContactpersoon;"Jansen; B.";b@example.org;+31 77 000 0000\r\n',
    );
    expect(rows).toEqual([
      { line: 2, name: 'A. de Vries', email: 'a@example.org', phone: '077 123 4567', role: 'professional' },
      { line: 4, name: 'Jansen; B.', email: 'b@example.org', phone: '+31 77 000 0000', role: 'coordinator' },
    ]);
  });

  it('reads a comma file with the API names and keeps an unknown role as written', () => {
    const rows = parseProfessionalCsv('name,email,phone,role\nC,c@example.org,0771234567,teamleider\n');
    expect(rows[0]).toMatchObject({ line: 2, role: 'teamleider' });
  });

  it('gives an empty cell for a short row, so the row is refused rather than the file', () => {
    expect(parseProfessionalCsv('naam;e-mail;telefoon;rol\nD;d@example.org\n')[0]).toMatchObject({
      phone: '',
      role: '',
    });
  });

  it.each([
    ['', 'CSV_UNREADABLE'],
    ['naam;e-mail;telefoon;rol\n', 'CSV_UNREADABLE'],
    ['naam;e-mail;rol\nA;a@example.org;meldingsbevoegde\n', 'CSV_COLUMNS_MISSING'],
    ['naam;e-mail;telefoon;rol\n"A;a@example.org;0771234567;x\n', 'CSV_UNREADABLE'],
    [
      `naam;e-mail;telefoon;rol\n${'A;a@example.org;0771234567;meldingsbevoegde\n'.repeat(MAX_IMPORT_ROWS + 1)}`,
      'CSV_TOO_MANY_ROWS',
    ],
  ])('refuses the whole file %#', (text, code) => {
    expect(codeOf(() => parseProfessionalCsv(text))).toBe(code);
  });
});
