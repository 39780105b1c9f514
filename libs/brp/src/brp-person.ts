import type { IsoDate } from '@vir/common';
import { brpInvalidAnswer } from './brp-errors';

/** What the index uses of a person in the BRP. */
export interface BrpPerson {
  bsn: string;
  /** Only a complete date; null when the BRP knows the date in part or not at all. */
  birthDate: IsoDate | null;
  deceased: boolean;
  /** The BSNs of the parents the BRP registers (none when unknown or not asked). */
  parentBsns: string[];
  /** The BAG id of the residential address; null without a known Dutch address. */
  addressId: string | null;
  /** That address's postcode (no space, capitals) and house number, as `5911CB 12`; null when not asked or unknown. */
  addressPlace: string | null;
  /** The municipality of registration (gemeente van inschrijving), four digits. */
  municipalityCode: string | null;
  /** geheimhoudingPersoonsgegevens: the person's data may not be passed on to third parties. */
  confidential: boolean;
}

const BSN = /^[0-9]{9}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OBJECT_ID = /^[0-9]{16}$/;
const MUNICIPALITY = /^[0-9]{4}$/;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field the answer may leave out; when present it must be of the given shape. */
function optional<T>(value: unknown, where: string, read: (v: unknown) => T | undefined, otherwise: T): T {
  if (value === undefined) return otherwise;
  const shaped = read(value);
  if (shaped === undefined) throw brpInvalidAnswer(where);
  return shaped;
}

const string = (pattern: RegExp) => (v: unknown) => (typeof v === 'string' && pattern.test(v) ? v : undefined);

/** A date of the Personen API (AbstractDatum): a complete one gives its date, the others null. */
function datum(value: unknown): IsoDate | null | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  if (value.type === 'Datum') return string(DATE)(value.datum);
  return ['DatumOnbekend', 'JaarDatum', 'JaarMaandDatum'].includes(value.type) ? null : undefined;
}

/** An address's postcode and house number as the index compares them: `5911CB 12`. */
export function placeOf(postcode: string, houseNumber: number): string {
  return `${postcode.replace(' ', '').toUpperCase()} ${houseNumber}`;
}

/** One person of an answer, checked field by field; anything off makes the whole answer unusable. */
export function readPerson(value: unknown, where: string): BrpPerson {
  if (!isObject(value)) throw brpInvalidAnswer(where);
  const bsn = string(BSN)(value.burgerservicenummer);
  if (!bsn) throw brpInvalidAnswer(`${where}.burgerservicenummer`);
  const geboorte = optional(value.geboorte, `${where}.geboorte`, (v) => (isObject(v) ? v : undefined), {});
  const overlijden = optional(value.overlijden, `${where}.overlijden`, (v) => (isObject(v) ? v : undefined), null);
  const ouders = optional(value.ouders, `${where}.ouders`, (v) => (Array.isArray(v) ? v : undefined), []);
  const verblijfplaats = optional(
    value.verblijfplaats,
    `${where}.verblijfplaats`,
    (v) => (isObject(v) && typeof v.type === 'string' ? v : undefined),
    null,
  );
  const gemeente = optional(
    value.gemeenteVanInschrijving,
    `${where}.gemeenteVanInschrijving`,
    (v) => (isObject(v) ? v : undefined),
    null,
  );
  const adres = verblijfplaats?.type === 'Adres' ? verblijfplaats : null;
  const verblijfadres = adres
    ? optional(adres.verblijfadres, `${where}.verblijfplaats.verblijfadres`, (v) => (isObject(v) ? v : undefined), {})
    : {};
  const postcode = optional(
    verblijfadres.postcode,
    `${where}.verblijfplaats.verblijfadres.postcode`,
    string(POSTCODE),
    null,
  );
  const houseNumber = optional(
    verblijfadres.huisnummer,
    `${where}.verblijfplaats.verblijfadres.huisnummer`,
    (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 99999 ? (v as number) : undefined),
    null,
  );
  return {
    bsn,
    birthDate: optional(geboorte.datum, `${where}.geboorte.datum`, datum, null),
    deceased: overlijden !== null,
    parentBsns: ouders.flatMap((ouder, i) => {
      if (!isObject(ouder)) throw brpInvalidAnswer(`${where}.ouders[${i}]`);
      const parent = optional(ouder.burgerservicenummer, `${where}.ouders[${i}].burgerservicenummer`, string(BSN), '');
      return parent ? [parent] : [];
    }),
    addressId: adres
      ? optional(
          adres.adresseerbaarObjectIdentificatie,
          `${where}.verblijfplaats.adresseerbaarObjectIdentificatie`,
          string(OBJECT_ID),
          null,
        )
      : null,
    addressPlace: postcode && houseNumber ? placeOf(postcode, houseNumber) : null,
    municipalityCode: gemeente
      ? optional(gemeente.code, `${where}.gemeenteVanInschrijving.code`, string(MUNICIPALITY), null)
      : null,
    confidential: optional(
      value.geheimhoudingPersoonsgegevens,
      `${where}.geheimhoudingPersoonsgegevens`,
      (v) => (typeof v === 'boolean' ? v : undefined),
      false,
    ),
  };
}

/** The persons of an answer to a query of `type`. */
export function readAnswer(body: unknown, type: string, maxPersons: number): BrpPerson[] {
  if (!isObject(body)) throw brpInvalidAnswer('the body');
  if (body.type !== type) throw brpInvalidAnswer('type');
  const personen = optional(body.personen, 'personen', (v) => (Array.isArray(v) ? v : undefined), []);
  if (personen.length > maxPersons) throw brpInvalidAnswer('personen (too many)');
  return personen.map((p, i) => readPerson(p, `personen[${i}]`));
}
