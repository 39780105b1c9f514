import { createHash } from 'node:crypto';

export const SEXES = ['M', 'V', 'O'] as const;
export type Sex = (typeof SEXES)[number];

/** Letters (any script, with their diacritics), spaces, hyphens, apostrophes, dots and commas. */
const SURNAME_CHARACTERS = /^[\p{L}\p{M}\s'’‘`.,-]+$/u;

/**
 * Why a text cannot be a surname, or undefined. A surname without letters, or with digits or other
 * symbols, would normalise to something shared by unrelated children ("---" and "1234" both to "",
 * "Smith1" and "Smith2" to "smith") and make them match.
 */
export function surnameProblem(surname: string): string | undefined {
  if (/\p{N}/u.test(surname)) return 'surname must not contain digits';
  if (!SURNAME_CHARACTERS.test(surname)) return 'surname may hold only letters, spaces, hyphens, apostrophes and dots';
  if (!/\p{L}/u.test(surname)) return 'surname must contain letters';
  return undefined;
}

/**
 * Normalises a surname so that spelling variants of one name meet:
 * Unicode compatibility decomposition, diacritics removed, lower case, and every run of
 * characters that are not letters (spaces, hyphens, apostrophes, dots) turned into one space.
 * "  Öztürk-De  Vries " and "ozturk de vries" become the same name. Prefixes (van, de, ’t) are kept.
 */
export function normaliseSurname(surname: string): string {
  return surname
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/**
 * The verwijsindexservicenummer (BJw 7.3.1) of a youth without a BSN: a deterministic number
 * derived from the normalised surname, birth date and sex. It never leaves memory: only its keyed
 * hash (the youth key) is stored, like a BSN.
 */
export function serviceNumber(surname: string, birthDate: string, sex: Sex): string {
  const canonical = `${normaliseSurname(surname)}|${birthDate}|${sex}`;
  const digest = createHash('sha256').update(canonical, 'utf8').digest();
  return `V${(digest.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, '0')}`;
}
