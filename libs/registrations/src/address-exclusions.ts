import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { placeOf } from '@vir/brp';
import { rows, sql } from '@vir/database';
import { professionalFacts } from '@vir/organisations';
import { YouthKeyService } from '@vir/pseudonymisation';
import type { EntityManager } from 'typeorm';

/** One address the register excludes, as the form or a CSV row gives it (already checked). */
export interface ExclusionEntry {
  bagId: string | null;
  /** Without space, capitals: `5914SK`. */
  postcode: string | null;
  houseNumber: number | null;
  reason: string;
}

/** Who adds to a college's register: a person, an API key, or (the demo data) neither. */
export type ExclusionAuthor = Pick<Principal, 'municipalityCode' | 'credentialId' | 'person'>;

export class AddressExclusionAuthor {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) professionalId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The person who added it' }) name: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The API key it was added with' })
  credentialId: string | null;
}

export class AddressExclusionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '0983010000100003' }) bagId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '5914 SK' }) postcode: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 3 }) houseNumber: number | null;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
  @ApiProperty({ type: AddressExclusionAuthor }) addedBy: AddressExclusionAuthor;
}

export class AddressExclusionListView {
  @ApiProperty({ type: [AddressExclusionView] }) items: AddressExclusionView[];
}

interface Row {
  id: string;
  bag_id: string | null;
  postcode: string | null;
  house_number: number | null;
  reason: string;
  added_at: Date;
  added_by_professional_id: string | null;
  added_by_credential_id: string | null;
  name: string | null;
}

const COLUMNS = sql.raw(`e.id, e.bag_id, e.postcode, e.house_number, e.reason, e.added_at,
  e.added_by_professional_id, e.added_by_credential_id, p.name`);

const view = (r: Row): AddressExclusionView => ({
  id: r.id,
  bagId: r.bag_id,
  postcode: r.postcode ? `${r.postcode.slice(0, 4)} ${r.postcode.slice(4)}` : null,
  houseNumber: r.house_number,
  reason: r.reason,
  addedAt: new Date(r.added_at).toISOString(),
  addedBy: { professionalId: r.added_by_professional_id, name: r.name, credentialId: r.added_by_credential_id },
});

/**
 * The register of excluded addresses (Wet BRP 2.40(3)/(4): care institutions, shelters): a college
 * keeps its own entries, and an address any college excludes is never matched on. The
 * registrations' addresses are keyed hashes, so a change of the register marks them anew through
 * the entries' keys under every key version held (see `reflag`).
 */
@Injectable()
export class AddressExclusions {
  constructor(private readonly youthKeys: YouthKeyService) {}

  async list(manager: EntityManager, municipalityCode: string, id?: string): Promise<AddressExclusionView[]> {
    const found = await rows<Row>(
      manager,
      sql`SELECT ${COLUMNS} FROM address_exclusions e LEFT JOIN ${professionalFacts()} p ON p.id = e.added_by_professional_id
           WHERE e.municipality_code = ${municipalityCode} ${id ? sql`AND e.id = ${id}::uuid` : sql``}
           ORDER BY e.postcode NULLS LAST, e.house_number, e.bag_id, e.added_at`,
    );
    return found.map(view);
  }

  /** Which of these entries the college's register already holds (by BAG id, or postcode and house number). */
  async present(manager: EntityManager, municipalityCode: string, entries: ExclusionEntry[]): Promise<Set<string>> {
    const found = await rows<{ key: string }>(
      manager,
      sql`SELECT coalesce(bag_id, postcode || ' ' || house_number) AS key FROM address_exclusions
           WHERE municipality_code = ${municipalityCode}
             AND (bag_id = ANY(${entries.map((e) => e.bagId)}::char(16)[])
                  OR (postcode, house_number) IN (SELECT * FROM unnest(${entries.map((e) => e.postcode)}::char(6)[], ${entries.map((e) => e.houseNumber)}::int[])))`,
    );
    return new Set(found.map((r) => r.key));
  }

  /** Adds entries to the college's register (those it holds already are skipped) and marks the addresses anew; returns the ids added. */
  async add(manager: EntityManager, by: ExclusionAuthor, entries: ExclusionEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    await this.holdAddresses(manager);
    const added = await rows<{ id: string }>(
      manager,
      sql`INSERT INTO address_exclusions (municipality_code, bag_id, postcode, house_number, reason, added_by_professional_id, added_by_credential_id)
          SELECT ${by.municipalityCode}, e.bag_id, e.postcode, e.house_number, e.reason, ${by.person?.id ?? null}::uuid, ${by.credentialId}::uuid
            FROM unnest(${entries.map((e) => e.bagId)}::char(16)[], ${entries.map((e) => e.postcode)}::char(6)[],
                        ${entries.map((e) => e.houseNumber)}::int[], ${entries.map((e) => e.reason)}::text[])
                 AS e(bag_id, postcode, house_number, reason)
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    await this.reflag(manager);
    return added.map((r) => r.id);
  }

  /** Removes an entry of the college's register; false when it holds no such entry. */
  async remove(manager: EntityManager, municipalityCode: string, id: string): Promise<boolean> {
    await this.holdAddresses(manager);
    const removed = await rows(
      manager,
      sql`DELETE FROM address_exclusions WHERE id = ${id}::uuid AND municipality_code = ${municipalityCode} RETURNING 1`,
    );
    if (removed.length === 0) return false;
    await this.reflag(manager);
    return true;
  }

  /**
   * No address is stored while the register changes: a registration, verification or move that
   * stores one waits, then checks the register as it is after this transaction (its statement takes
   * its snapshot once it has its lock), and every address stored before is marked by `reflag` here.
   */
  private async holdAddresses(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE registration_addresses IN EXCLUSIVE MODE');
  }

  /**
   * Marks every registration's address as the whole register now says: excluded when an entry's BAG
   * id, or its postcode and house number, has the address's key under any key version held. The
   * register is small (its entries are institutions); the addresses are read once.
   */
  private async reflag(manager: EntityManager): Promise<void> {
    const entries = await rows<{ bag_id: string | null; postcode: string | null; house_number: number | null }>(
      manager,
      sql`SELECT DISTINCT bag_id, postcode, house_number FROM address_exclusions`,
    );
    const addressKeys = entries.flatMap((e) => (e.bag_id ? this.youthKeys.everyAddressKey(e.bag_id) : []));
    const placeKeys = entries.flatMap((e) =>
      e.postcode && e.house_number ? this.youthKeys.everyPlaceKey(placeOf(e.postcode, e.house_number)) : [],
    );
    const excluded = sql`(address_key = ANY(${addressKeys}::bytea[]) OR coalesce(place_key = ANY(${placeKeys}::bytea[]), false))`;
    await rows(
      manager,
      sql`UPDATE registration_addresses SET excluded = ${excluded} WHERE excluded IS DISTINCT FROM ${excluded} RETURNING 1`,
    );
  }
}
