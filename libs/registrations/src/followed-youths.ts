import { Injectable } from '@nestjs/common';
import type { Actor } from '@vir/common';
import { databaseNow, rows, sql } from '@vir/database';
import { organisationFacts } from '@vir/organisations';
import type { DataSource, EntityManager } from 'typeorm';
import { outboxInsert, type OutboxTopic } from '@vir/queue';
import { addressesInsert } from './registration-addresses';
import type { AddressKeys, YouthAddress } from './registration-addresses';
import { RegistrationRemoval } from './registration-removal';

/** A youth followed in the BRP, as the worker takes it up. */
export interface FollowedYouth {
  youthKey: Buffer;
  bsnSealed: Buffer;
  sealVersion: number;
  municipalityCode: string | null;
}

/** A registrant of a followed youth, to be told of a move. */
export interface Registrant {
  registrationId: string;
  professionalId: string;
  organisationId: string;
}

type Row = { youth_key: Buffer; bsn_sealed: Buffer; seal_version: number; municipality_code: string | null };
const COLUMNS = sql.raw('youth_key, bsn_sealed, seal_version, municipality_code');
const followed = (r: Row): FollowedYouth => ({
  youthKey: r.youth_key,
  bsnSealed: r.bsn_sealed,
  sealVersion: r.seal_version,
  municipalityCode: r.municipality_code,
});

/**
 * The youths followed in the BRP (`followed_youths`): every youth with a verified active
 * registration, for its moves and its death (Jw 7.1.2.3(1)(g), 7.1.4.5(2)(c)). Rows come with the
 * registrations that verify them and are marked `ending` when the last one ends; the worker sets
 * and ends the volgindicaties and drops the ended rows.
 */
@Injectable()
export class FollowedYouths {
  constructor(private readonly removal: RegistrationRemoval) {}

  /** Youths not yet followed at the source (no volgindicatie yet). */
  async toFollow(on: DataSource, limit: number): Promise<FollowedYouth[]> {
    const found = await rows<Row>(
      on,
      sql`SELECT ${COLUMNS} FROM followed_youths WHERE followed_at IS NULL AND NOT ending LIMIT ${limit}`,
    );
    return found.map(followed);
  }

  /** Youths whose last registration ended: their volgindicatie is to be ended, then the row dropped. */
  async ending(on: DataSource, limit: number): Promise<FollowedYouth[]> {
    const found = await rows<Row>(on, sql`SELECT ${COLUMNS} FROM followed_youths WHERE ending LIMIT ${limit}`);
    return found.map(followed);
  }

  async markFollowed(on: DataSource, keys: Buffer[]): Promise<void> {
    if (keys.length > 0)
      await rows(
        on,
        sql`UPDATE followed_youths SET followed_at = ${databaseNow} WHERE youth_key = ANY(${keys}::bytea[])`,
      );
  }

  /** Drops ended youths (nothing of them stays); a youth registered again meanwhile stays. */
  async drop(on: DataSource | EntityManager, keys: Buffer[]): Promise<void> {
    if (keys.length > 0)
      await rows(on, sql`DELETE FROM followed_youths WHERE youth_key = ANY(${keys}::bytea[]) AND ending`);
  }

  /** The followed youths among these keys (those not ending). */
  async ofKeys(on: DataSource, keys: Buffer[]): Promise<FollowedYouth[]> {
    if (keys.length === 0) return [];
    const found = await rows<Row>(
      on,
      sql`SELECT ${COLUMNS} FROM followed_youths WHERE youth_key = ANY(${keys}::bytea[]) AND NOT ending`,
    );
    return found.map(followed);
  }

  /** Without a change feed: the youths asked about least recently, marked asked now. */
  async leastRecentlyChecked(on: DataSource, limit: number): Promise<FollowedYouth[]> {
    const found = await rows<Row>(
      on,
      sql`UPDATE followed_youths f SET checked_at = ${databaseNow}
            FROM (SELECT youth_key FROM followed_youths WHERE NOT ending ORDER BY checked_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) d
           WHERE f.youth_key = d.youth_key
          RETURNING f.youth_key, f.bsn_sealed, f.seal_version, f.municipality_code`,
    );
    return found.map(followed);
  }

  /** The youth now lives in `municipalityCode` (a move was handled). */
  async moved(manager: EntityManager, youthKey: Buffer, municipalityCode: string | null): Promise<void> {
    await rows(
      manager,
      sql`UPDATE followed_youths SET municipality_code = ${municipalityCode}::char(4), checked_at = ${databaseNow}
           WHERE youth_key = ${youthKey}`,
    );
  }

  /**
   * The youth now lives at `address` per the BRP (null: no known Dutch address): the youth's verified
   * registrations whose stored address differs take the new one, and are announced to matching again
   * so that an address match at the new address is found. Returns how many moved address.
   */
  async rehome(
    manager: EntityManager,
    youthKey: Buffer,
    address: (AddressKeys & YouthAddress) | null,
    municipalityCode: string | null,
    version: number,
  ): Promise<number> {
    const stale = await rows<{ id: string }>(
      manager,
      sql`SELECT r.id FROM registrations r LEFT JOIN registration_addresses a ON a.registration_id = r.id
           WHERE r.youth_key = ${youthKey} AND r.status = 'active' AND r.verification = 'verified'
             AND a.address_key IS DISTINCT FROM ${address?.addressKey ?? null}::bytea`,
    );
    if (stale.length === 0) return 0;
    const ids = stale.map((r) => r.id);
    await rows(
      manager,
      sql`DELETE FROM registration_addresses WHERE registration_id = ANY(${ids}::uuid[]) RETURNING 1`,
    );
    if (address) {
      await rows(
        manager,
        sql`WITH addressed AS (${addressesInsert(
          ids.map((registrationId) => ({ registrationId, address, municipalityCode })),
          sql`(SELECT unnest(${ids}::uuid[]) AS id)`,
          version,
        )}), announced AS (
          ${outboxInsert(sql`SELECT ${'registration.created' satisfies OutboxTopic}, jsonb_build_object('registrationId', a.id, 'round', gen_random_uuid()), NULL::text FROM unnest(${ids}::uuid[]) AS a(id)`)}
        ) SELECT 1`,
      );
    }
    return ids.length;
  }

  /** The youth's active registrations, with who made them, oldest first. */
  async registrants(manager: EntityManager, youthKey: Buffer): Promise<Registrant[]> {
    const found = await rows<{ id: string; professional_id: string; organisation_id: string }>(
      manager,
      sql`SELECT id, professional_id, organisation_id FROM registrations
           WHERE youth_key = ${youthKey} AND status = 'active' ORDER BY created_at, id`,
    );
    return found.map((r) => ({
      registrationId: r.id,
      professionalId: r.professional_id,
      organisationId: r.organisation_id,
    }));
  }

  /**
   * The BRP registered the youth's death: every registration and archive entry of the youth ends at
   * once, in every college of the region (Jw 7.1.4.5(2)(c), 7.1.4.6(1)), each college's share
   * recorded under that college. Returns the counts.
   */
  async removeDeceased(
    manager: EntityManager,
    youthKey: Buffer,
    actor: Actor,
  ): Promise<{ colleges: string[]; registrationsRemoved: number; archiveEntriesDestroyed: number }> {
    const colleges = await rows<{ municipality_code: string }>(
      manager,
      sql`SELECT DISTINCT o.municipality_code FROM ${organisationFacts()} o
           WHERE o.id IN (SELECT organisation_id FROM registrations WHERE youth_key = ${youthKey} AND status = 'active'
                          UNION SELECT organisation_id FROM archive_entries WHERE youth_key = ${youthKey})
           ORDER BY 1`,
    );
    let registrationsRemoved = 0;
    let archiveEntriesDestroyed = 0;
    for (const { municipality_code: code } of colleges) {
      const removed = await this.removal.removeYouth(
        manager,
        [youthKey],
        'deceased',
        { ...actor, municipalityCode: code },
        code,
      );
      registrationsRemoved += removed.registrationsRemoved;
      archiveEntriesDestroyed += removed.archiveEntriesDestroyed;
    }
    return { colleges: colleges.map((c) => c.municipality_code), registrationsRemoved, archiveEntriesDestroyed };
  }
}
