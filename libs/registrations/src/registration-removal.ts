import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { Actor, Clock, todayInAmsterdam } from '@vir/common';
import { OutboxWriter } from '@vir/queue';
import { EntityManager } from 'typeorm';
import { ARCHIVED_REASONS, RemovalReason, statusAfter } from './entities/registration.entity';
import { archiveDestroyDate } from './registration-rules';

/**
 * The one way a registration ends, whatever the reason: archived when the law says so
 * (risk gone, expired), then reduced to a tombstone without youth key, announced to the
 * matching worker through the outbox, and recorded in the audit log. Call inside a transaction.
 */
@Injectable()
export class RegistrationRemoval {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** Removes the given active registrations (locked by the caller or here); returns how many ended. */
  async remove(manager: EntityManager, registrationIds: string[], reason: RemovalReason, actor: Actor): Promise<number> {
    if (registrationIds.length === 0) return 0;
    const now = this.clock.now();
    const today = todayInAmsterdam(now);
    const rows: { id: string; professional_id: string; organisation_id: string; age_limit_date: string }[] = await manager.query(
      `SELECT id, professional_id, organisation_id, age_limit_date::text FROM registrations
        WHERE id = ANY($1) AND status = 'active' ORDER BY id FOR UPDATE`,
      [registrationIds],
    );
    for (const row of rows) {
      if (ARCHIVED_REASONS.includes(reason)) {
        await manager.query(
          `INSERT INTO archive_entries (youth_key, key_version, registration_id, professional_id, organisation_id, archived_at, destroy_at)
           SELECT youth_key, key_version, id, professional_id, organisation_id, $2, $3 FROM registrations WHERE id = $1
           ON CONFLICT (registration_id) DO NOTHING`,
          [row.id, now, archiveDestroyDate(today, row.age_limit_date)],
        );
      }
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
        actor: { ...actor, professionalId: actor.professionalId ?? (actor.organisationId ? row.professional_id : undefined) },
        details: { reason, archived: ARCHIVED_REASONS.includes(reason), organisationId: row.organisation_id },
      });
    }
    return rows.length;
  }

  /** An organisation was disconnected: its active registrations end without archiving, in batches. */
  async removeForOrganisation(manager: EntityManager, organisationId: string, actor: Actor, batchSize = 500): Promise<number> {
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
