import { sql, type Sql } from '@vir/database';
import { addressMatchOn } from '@vir/organisations';
import { groupMembers, matchable } from './registration-fragments';

/**
 * The address match's fragments (Jw 7.1.2.3(1)(d)): the registrations' addresses (keyed hashes in
 * `registration_addresses`) and the register of excluded addresses (`address_exclusions`), both
 * owned here.
 */

/** Address row `a` (an alias) takes part in the address match: not excluded, and its college switched the match on. */
function addressMatchable(a: string): Sql {
  return sql`NOT ${sql.raw(a)}.excluded AND ${addressMatchOn(sql.raw(`${a}.municipality_code`))}`;
}

/**
 * Whether the register excludes the address of `s` (an alias of a row with bag_id, postcode,
 * house_number): by its BAG id, or by its postcode and house number.
 */
export function excludedAddress(s: string): Sql {
  const a = sql.raw(s);
  return sql`EXISTS (SELECT 1 FROM address_exclusions e
                      WHERE e.bag_id = ${a}.bag_id OR (e.postcode = ${a}.postcode AND e.house_number = ${a}.house_number))`;
}

/**
 * Whether registration `r` (an alias) has someone at its address in matching: another registration
 * in matching, of a different youth, at the same residential address, where the address match is on
 * and the register does not exclude the address.
 */
export function hasAddressInMatching(r: string): Sql {
  const a = sql.raw(r);
  return sql`EXISTS (SELECT 1 FROM registration_addresses p
                       JOIN registration_addresses q ON q.address_key = p.address_key AND q.registration_id <> p.registration_id
                       JOIN registrations o ON o.id = q.registration_id
                      WHERE p.registration_id = ${a}.id AND ${addressMatchable('p')}
                        AND ${matchable('o')} AND o.youth_key <> ${a}.youth_key)`;
}

/** The address keys of the active registrations with these ids whose address takes part in the match (a from-item of (address_key)). */
export function addressKeysOf(ids: string[]): Sql {
  return sql`(SELECT DISTINCT p.address_key FROM registration_addresses p JOIN registrations r ON r.id = p.registration_id
               WHERE p.registration_id = ANY(${ids}::uuid[]) AND r.status = 'active' AND ${addressMatchable('p')})`;
}

/**
 * The registrations in matching at the address `addressKey` (an SQL expression), oldest first, as a
 * JSON array of {id, professionalId, organisationId, youth (hex key), parents (hex keys, sorted)}:
 * the parents, so that siblings are told of each other once, by their family match. Empty when the
 * address no longer takes part (excluded meanwhile, or the college switched the match off).
 */
export function addressRegistrations(addressKey: Sql): Sql {
  return groupMembers(
    sql`registration_addresses p JOIN registrations r ON r.id = p.registration_id
         WHERE p.address_key = ${addressKey} AND ${addressMatchable('p')} AND ${matchable('r')}`,
  );
}

/**
 * How many youths of the active registrations `registrationIds` (an SQL list of ids) still live at
 * the address `addressKey`, not excluded: an address match with fewer than two has no ground left.
 */
export function youthsStillAt(addressKey: Sql, registrationIds: Sql): Sql {
  return sql`(SELECT count(DISTINCT r.youth_key) FROM registrations r
                JOIN registration_addresses a ON a.registration_id = r.id
               WHERE r.id IN (${registrationIds}) AND r.status = 'active'
                 AND a.address_key = ${addressKey} AND NOT a.excluded)`;
}
