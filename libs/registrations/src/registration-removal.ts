import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import type { AuditEventInput } from '@vir/audit';
import { Actor, Clock, todayInAmsterdam } from '@vir/common';
import { rows, sql } from '@vir/database';
import { organisationFacts, organisationsOfCollege } from '@vir/organisations';
import { OutboxWriter } from '@vir/queue';
import { EntityManager } from 'typeorm';
import { ARCHIVED_REASONS, RemovalReason, statusAfter } from './entities/registration.entity';
import { archiveDestroyDate } from './registration-rules';

/** Reasons that remove a youth from the index altogether (death, erasure, objection): registrations and archive entries go at once. */
export type YouthRemovalReason = Extract<RemovalReason, 'deceased' | 'erasure' | 'objection'>;

/**
 * The one way a registration ends, whatever the reason: archived when the law says so
 * (risk gone, expired), then reduced to a tombstone without youth key, announced to the
 * matching worker through the outbox (which takes it out of its match and, when nothing may be
 * kept of it, out of the others' signals), and recorded in the audit log under the college of its
 * organisation. Call inside a transaction.
 */
@Injectable()
export class RegistrationRemoval {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** Removes the given active registrations (locked here); returns how many ended. */
  async remove(
    manager: EntityManager,
    registrationIds: string[],
    reason: RemovalReason,
    actor: Actor,
  ): Promise<number> {
    if (registrationIds.length === 0) return 0;
    const now = this.clock.now();
    const today = todayInAmsterdam(now);
    const ending = await rows<{
      id: string;
      professional_id: string;
      organisation_id: string;
      age_limit_date: string;
      municipality_code: string;
    }>(
      manager,
      sql`SELECT r.id, r.professional_id, r.organisation_id, r.age_limit_date::text, o.municipality_code
            FROM registrations r JOIN ${organisationFacts()} o ON o.id = r.organisation_id
           WHERE r.id = ANY(${registrationIds}::uuid[]) AND r.status = 'active' ORDER BY r.id FOR UPDATE OF r`,
    );
    for (const row of ending) {
      if (ARCHIVED_REASONS.includes(reason)) {
        await manager.query(
          `INSERT INTO archive_entries (youth_key, key_version, registration_id, professional_id, organisation_id, archived_at, destroy_at)
           SELECT youth_key, key_version, id, professional_id, organisation_id, $2, $3 FROM registrations WHERE id = $1
           ON CONFLICT (registration_id) DO NOTHING`,
          [row.id, now, archiveDestroyDate(today, row.age_limit_date)],
        );
      }
      // Its sealed BSN and parents go; the youth is no longer followed in the BRP once this was its last registration
      // (asked before the youth key is erased below).
      await manager.query(
        `WITH verification AS (DELETE FROM registration_verifications WHERE registration_id = $1),
              parents AS (DELETE FROM registration_parents WHERE registration_id = $1),
              addresses AS (DELETE FROM registration_addresses WHERE registration_id = $1)
         UPDATE followed_youths f SET ending = true
           FROM registrations r
          WHERE r.id = $1 AND f.youth_key = r.youth_key
            AND NOT EXISTS (SELECT 1 FROM registrations o WHERE o.youth_key = r.youth_key AND o.status = 'active' AND o.id <> r.id)`,
        [row.id],
      );
      await manager.query(
        `UPDATE registrations
            SET status = $2, removal_reason = $3, removed_at = $4, youth_key = NULL, key_version = NULL, age_limit_date = NULL
          WHERE id = $1`,
        [row.id, statusAfter(reason), reason, now],
      );
      await this.outbox.add(manager, 'registration.removed', { registrationId: row.id }, actor.correlationId);
      await this.audit.record(manager, {
        action: `registration.${statusAfter(reason)}`,
        objectType: 'registration',
        objectId: row.id,
        actor: {
          ...actor,
          professionalId: actor.professionalId ?? (actor.organisationId ? row.professional_id : undefined),
        },
        municipalityCode: row.municipality_code,
        details: { reason, archived: ARCHIVED_REASONS.includes(reason), organisationId: row.organisation_id },
      });
    }
    return ending.length;
  }

  /**
   * Everything the index holds of one youth within one college ends at once: its active
   * registrations at organisations whose agreement is with `municipalityCode` (nothing archived)
   * and their archive entries. The college is the controller for its own organisations only
   * (Jw 7.1.2.2(3)); another college's registrations of the youth are that college's to remove.
   */
  async removeYouth(
    manager: EntityManager,
    youthKeys: Buffer[],
    reason: YouthRemovalReason,
    actor: Actor,
    municipalityCode: string,
    only?: string[],
  ): Promise<{ registrationsRemoved: number; archiveEntriesDestroyed: number }> {
    const ids = only ?? (await this.activeOfYouth(manager, youthKeys, municipalityCode));
    const registrationsRemoved = await this.remove(manager, ids, reason, actor);
    if (only) return { registrationsRemoved, archiveEntriesDestroyed: 0 };
    const destroyed = await rows<{ id: string }>(
      manager,
      sql`DELETE FROM archive_entries a
           WHERE a.youth_key = ANY(${youthKeys}::bytea[]) AND a.organisation_id IN (${organisationsOfCollege(municipalityCode)})
          RETURNING a.id`,
    );
    await this.audit.recordMany(
      manager,
      destroyed.map((row): AuditEventInput => ({
        action: 'archive-entry.destroyed',
        objectType: 'archive_entry',
        objectId: row.id,
        actor,
        municipalityCode,
        details: { reason },
      })),
    );
    return { registrationsRemoved, archiveEntriesDestroyed: destroyed.length };
  }

  /** The youth's active registrations within one college (to check a selection against). */
  async activeOfYouth(manager: EntityManager, youthKeys: Buffer[], municipalityCode: string): Promise<string[]> {
    const active = await rows<{ id: string }>(
      manager,
      sql`SELECT r.id FROM registrations r
           WHERE r.youth_key = ANY(${youthKeys}::bytea[]) AND r.status = 'active'
             AND r.organisation_id IN (${organisationsOfCollege(municipalityCode)})`,
    );
    return active.map((r) => r.id);
  }

  /** An organisation was disconnected: its active registrations end without archiving, in batches. */
  async removeForOrganisation(
    manager: EntityManager,
    organisationId: string,
    actor: Actor,
    batchSize = 500,
  ): Promise<number> {
    const ids: { id: string }[] = await manager.query(
      `SELECT id FROM registrations WHERE organisation_id = $1 AND status = 'active' ORDER BY id LIMIT $2`,
      [organisationId, batchSize],
    );
    return this.remove(
      manager,
      ids.map((r) => r.id),
      'organisation_disconnected',
      actor,
    );
  }
}
