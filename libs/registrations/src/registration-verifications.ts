import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import type { Actor } from '@vir/common';
import { databaseNow, rows, sql } from '@vir/database';
import { organisationFacts } from '@vir/organisations';
import { outboxInsert, type OutboxTopic } from '@vir/queue';
import type { DataSource, EntityManager } from 'typeorm';
import { addressesInsert } from './registration-addresses';
import type { AddressKeys, YouthAddress } from './registration-addresses';

/** What the BRP confirmed of a registration awaiting verification. */
export interface ConfirmedYouth {
  registrationId: string;
  parentKeys: Buffer[];
  municipalityCode: string | null;
  address: (AddressKeys & YouthAddress) | null;
}

/** A registration accepted while the BRP did not answer, as the verifier takes it up. */
export interface AwaitingVerification {
  registrationId: string;
  professionalId: string;
  organisationId: string;
  bsnSealed: Buffer;
  sealVersion: number;
  birthDate: string;
  attempts: number;
}

/** The longest wait between two attempts at one registration while the BRP stays away. */
const MAX_BACKOFF_SECONDS = 3600;

/**
 * The registrations awaiting the BRP's verification (`registration_verifications`): taken up in
 * turn, confirmed (then announced to matching), or postponed with a growing wait. One that the BRP
 * does not confirm ends through `RegistrationRemoval` with reason `unverified`, which also drops
 * its sealed BSN.
 */
@Injectable()
export class RegistrationVerifications {
  constructor(private readonly audit: AuditLog) {}

  /**
   * Up to `limit` registrations due for an attempt, each leased for `leaseSeconds` (no other worker
   * takes it meanwhile, and a worker that dies with it leaves it for the next sweep after the lease).
   * Runs on its own, so no transaction stays open while the BRP is asked.
   */
  async claim(on: DataSource, limit: number, leaseSeconds: number): Promise<AwaitingVerification[]> {
    const found = await rows<{
      registration_id: string;
      professional_id: string;
      organisation_id: string;
      bsn_sealed: Buffer;
      seal_version: number;
      birth_date: string;
      attempts: number;
    }>(
      on,
      sql`WITH due AS (
            SELECT v.registration_id FROM registration_verifications v
             WHERE v.next_attempt_at <= ${databaseNow}
             ORDER BY v.next_attempt_at LIMIT ${limit}
               FOR UPDATE SKIP LOCKED
          ), leased AS (
            UPDATE registration_verifications v
               SET next_attempt_at = ${databaseNow} + make_interval(secs => ${leaseSeconds})
              FROM due WHERE v.registration_id = due.registration_id
            RETURNING v.*
          )
          SELECT l.registration_id, r.professional_id, r.organisation_id, l.bsn_sealed, l.seal_version, l.birth_date::text, l.attempts
            FROM leased l JOIN registrations r ON r.id = l.registration_id
           WHERE r.status = 'active'`,
    );
    return found.map((r) => ({
      registrationId: r.registration_id,
      professionalId: r.professional_id,
      organisationId: r.organisation_id,
      bsnSealed: r.bsn_sealed,
      sealVersion: r.seal_version,
      birthDate: r.birth_date,
      attempts: r.attempts,
    }));
  }

  /**
   * The BRP confirmed these: verified, their sealed BSN dropped, their youth's parents and address
   * kept as keys (under key `version`), announced to matching, traced.
   */
  async confirm(manager: EntityManager, confirmed: ConfirmedYouth[], version: number, actor: Actor): Promise<void> {
    if (confirmed.length === 0) return;
    const registrationIds = confirmed.map((c) => c.registrationId);
    const parents = confirmed.flatMap((c) => c.parentKeys.map((key) => ({ id: c.registrationId, key })));
    await rows(
      manager,
      sql`WITH confirmed AS (
            UPDATE registrations SET verification = 'verified'
             WHERE id = ANY(${registrationIds}::uuid[]) AND status = 'active' AND verification = 'awaiting_verification'
            RETURNING id, organisation_id
          ), dropped AS (
            DELETE FROM registration_verifications WHERE registration_id = ANY(${registrationIds}::uuid[])
            RETURNING registration_id, bsn_sealed, seal_version
          ), followed AS (
            -- A verified youth is followed in the BRP, its BSN still sealed.
            INSERT INTO followed_youths (youth_key, key_version, bsn_sealed, seal_version, municipality_code)
            SELECT DISTINCT ON (r.youth_key) r.youth_key, r.key_version, d.bsn_sealed, d.seal_version, m.code
              FROM dropped d JOIN registrations r ON r.id = d.registration_id
              JOIN unnest(${registrationIds}::uuid[], ${confirmed.map((c) => c.municipalityCode)}::char(4)[]) AS m(id, code) ON m.id = d.registration_id
             WHERE r.status = 'active'
            ON CONFLICT (youth_key) DO UPDATE SET ending = false
            RETURNING 1
          ), parented AS (
            INSERT INTO registration_parents (registration_id, parent_key, key_version)
            SELECT p.id, p.key, ${version} FROM unnest(${parents.map((p) => p.id)}::uuid[], ${parents.map((p) => p.key)}::bytea[]) AS p(id, key)
              JOIN confirmed c ON c.id = p.id
            ON CONFLICT DO NOTHING RETURNING 1
          ), addressed AS (
            ${addressesInsert(
              confirmed.flatMap((c) =>
                c.address
                  ? [{ registrationId: c.registrationId, address: c.address, municipalityCode: c.municipalityCode }]
                  : [],
              ),
              sql`confirmed`,
              version,
            )}
          ), announced AS (
            ${outboxInsert(sql`SELECT ${'registration.created' satisfies OutboxTopic}, jsonb_build_object('registrationId', c.id), ${actor.correlationId ?? null}::text FROM confirmed c`)}
          ), audited AS (${this.audit.cte(
            { action: 'registration.verified', objectType: 'registration', actor, details: { source: 'brp' } },
            sql`(SELECT c.id AS object_id, o.municipality_code FROM confirmed c JOIN ${organisationFacts()} o ON o.id = c.organisation_id)`,
            { municipality: sql`f.municipality_code` },
          )})
          SELECT count(*) FROM confirmed`,
    );
  }

  /**
   * The BRP did not answer (or answered what cannot be used): tried again later, waiting twice as
   * long each time up to an hour. `problem` is the kind of failure, never anything of the youth.
   */
  async postpone(
    on: DataSource | EntityManager,
    registrationIds: string[],
    problem: string,
    baseSeconds: number,
  ): Promise<void> {
    if (registrationIds.length === 0) return;
    await rows(
      on,
      sql`UPDATE registration_verifications
             SET attempts = attempts + 1, last_problem = ${problem},
                 next_attempt_at = ${databaseNow} + make_interval(secs => least(${baseSeconds}::double precision * power(2, attempts), ${MAX_BACKOFF_SECONDS}))
           WHERE registration_id = ANY(${registrationIds}::uuid[])`,
    );
  }
}
