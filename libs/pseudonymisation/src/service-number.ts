import { createHash } from 'node:crypto';

export const SEXES = ['M', 'V', 'O'] as const;
export type Sex = (typeof SEXES)[number];

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
