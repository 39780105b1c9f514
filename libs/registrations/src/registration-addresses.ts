import { sql, type Sql } from '@vir/database';
import type { YouthKeyService } from '@vir/pseudonymisation';
import { excludedAddress } from './address-fragments';

/** A youth's residential address as the BRP gives it, held in memory only: its BAG id and its place (`5911CB 12`). */
export interface YouthAddress {
  addressId: string;
  place: string | null;
}

/** The keyed hashes of an address that are stored (see YouthKeyService.addressKeys). */
export interface AddressKeys {
  addressKey: Buffer;
  placeKey: Buffer | null;
}

/** One registration's address to store: its keys, and its BAG id and place only to check the register. */
export interface RegistrationAddress {
  registrationId: string;
  address: AddressKeys & YouthAddress;
  municipalityCode: string | null;
}

/** The address of a person in the BRP, or null when the BRP knows no Dutch residential address. */
export function youthAddress(person: { addressId: string | null; addressPlace: string | null }): YouthAddress | null {
  return person.addressId ? { addressId: person.addressId, place: person.addressPlace } : null;
}

/**
 * Stores addresses of registrations: `source` is a from-item of (registration_id, address_key,
 * place_key, bag_id, postcode, house_number, municipality_code). Only the keys are kept; the BAG id
 * and place only decide whether the register excludes the address.
 */
function insertAddresses(source: Sql, version: number): Sql {
  return sql`
    INSERT INTO registration_addresses (registration_id, address_key, place_key, key_version, municipality_code, excluded)
    SELECT s.registration_id, s.address_key, s.place_key, ${version}, s.municipality_code, ${excludedAddress('s')}
      FROM ${source} s
    ON CONFLICT (registration_id) DO NOTHING RETURNING 1`;
}

const placeParts = (place: string | null) => (place ? place.split(' ') : [null, null]);

/** The address of the registration in `created` (a from-item of (id)), when there is one: for the registration statement. */
export function addressInsert(
  created: Sql,
  address: (AddressKeys & YouthAddress) | null,
  version: number,
  municipalityCode: string | null,
): Sql {
  const [postcode, houseNumber] = placeParts(address?.place ?? null);
  return insertAddresses(
    sql`(SELECT c.id AS registration_id, ${address?.addressKey ?? Buffer.alloc(32)}::bytea AS address_key,
                ${address?.placeKey ?? null}::bytea AS place_key, ${address?.addressId ?? null}::char(16) AS bag_id,
                ${postcode}::char(6) AS postcode, ${houseNumber}::int AS house_number,
                ${municipalityCode}::char(4) AS municipality_code
           FROM ${created} c WHERE ${address !== null}::boolean)`,
    version,
  );
}

/** The addresses of registrations whose ids are in `among` (a from-item of (id)): for the verifier's confirmation. */
export function addressesInsert(entries: RegistrationAddress[], among: Sql, version: number): Sql {
  const places = entries.map((e) => placeParts(e.address.place));
  return insertAddresses(
    sql`(SELECT u.* FROM unnest(${entries.map((e) => e.registrationId)}::uuid[], ${entries.map((e) => e.address.addressKey)}::bytea[],
                                ${entries.map((e) => e.address.placeKey)}::bytea[], ${entries.map((e) => e.address.addressId)}::char(16)[],
                                ${places.map((p) => p[0])}::char(6)[], ${places.map((p) => (p[1] === null ? null : Number(p[1])))}::int[],
                                ${entries.map((e) => e.municipalityCode)}::char(4)[])
                AS u(registration_id, address_key, place_key, bag_id, postcode, house_number, municipality_code)
           WHERE u.registration_id IN (SELECT id FROM ${among} x))`,
    version,
  );
}

/** Key rotation: the rows of the youth's address (every registration's there) move to the current key version. */
export function rekeyAddress(keys: YouthKeyService, address: YouthAddress, version: number): Sql {
  const [addressKey, ...previous] = keys.everyAddressKey(address.addressId);
  const [placeKey] = address.place ? keys.everyPlaceKey(address.place) : [null];
  return sql`UPDATE registration_addresses SET address_key = ${addressKey}, place_key = coalesce(${placeKey}::bytea, place_key), key_version = ${version}
              WHERE address_key = ANY(${previous}::bytea[]) RETURNING 1`;
}
