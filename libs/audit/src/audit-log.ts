import { Injectable } from '@nestjs/common';
import type { Actor } from '@vir/common';
import type { EntityManager } from 'typeorm';

export interface AuditEventInput {
  action: string;
  objectType: string;
  objectId?: string | null;
  actor: Actor;
  /** Ids and codes only: never a BSN, name or other personal data of a youth. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Appends to the audit log inside the caller's transaction, so an action and its trace
 * are committed together or not at all.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id,
         actor_professional_id, details, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.action,
        event.objectType,
        event.objectId ?? null,
        event.actor.credentialId ?? null,
        event.actor.organisationId ?? null,
        event.actor.professionalId ?? null,
        JSON.stringify(event.details ?? {}),
        event.actor.correlationId ?? null,
      ],
    );
  }
}
