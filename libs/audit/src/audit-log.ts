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

  /**
   * The audit insert as a data-modifying CTE step, for statements that write and trace in one
   * round trip: one event per row of `fromCte`, whose `object_id` column names the object.
   * Returns the SQL (to put after `WITH …, audited AS (`) and its parameters, numbered from `firstParam`.
   * `detailsSql`, when given, computes each event's details from the row `f` instead of `event.details`;
   * `correlationSql` likewise each event's correlation id, given the parameter holding the actor's.
   */
  cte(
    event: Omit<AuditEventInput, 'objectId'>,
    fromCte: string,
    firstParam: number,
    rowwise: { detailsSql?: string; correlationSql?: (actorCorrelation: string) => string } = {},
  ): { sql: string; params: unknown[] } {
    const p = (i: number) => `$${firstParam + i}`;
    const params: unknown[] = [
      event.action,
      event.objectType,
      event.actor.credentialId ?? null,
      event.actor.organisationId ?? null,
      event.actor.professionalId ?? null,
      event.actor.correlationId ?? null,
    ];
    if (!rowwise.detailsSql) params.push(JSON.stringify(event.details ?? {}));
    return {
      sql: `INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id, details, correlation_id)
            SELECT ${p(0)}, ${p(1)}, f.object_id, ${p(2)}::uuid, ${p(3)}::uuid, ${p(4)}::uuid, ${rowwise.detailsSql ?? `${p(6)}::jsonb`},
                   ${rowwise.correlationSql?.(p(5)) ?? p(5)} FROM ${fromCte} f`,
      params,
    };
  }

  /** Many events in one statement (e.g. one per signal a match produced). */
  async recordMany(manager: EntityManager, events: AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const insert = this.manyCte(events, 1);
    await manager.query(insert.sql, insert.params);
  }

  /** The insert of `events` as SQL with one parameter numbered `firstParam`, usable as a CTE step or on its own. */
  manyCte(events: AuditEventInput[], firstParam: number): { sql: string; params: unknown[] } {
    return {
      sql: `INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id,
              actor_professional_id, details, correlation_id)
            SELECT action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id,
                   coalesce(details, '{}'::jsonb), correlation_id
              FROM jsonb_to_recordset($${firstParam}::jsonb) AS e(action text, object_type text, object_id uuid, actor_credential_id uuid,
                   actor_organisation_id uuid, actor_professional_id uuid, details jsonb, correlation_id text)`,
      params: [
        JSON.stringify(
          events.map((event) => ({
            action: event.action,
            object_type: event.objectType,
            object_id: event.objectId ?? null,
            actor_credential_id: event.actor.credentialId ?? null,
            actor_organisation_id: event.actor.organisationId ?? null,
            actor_professional_id: event.actor.professionalId ?? null,
            details: event.details ?? {},
            correlation_id: event.actor.correlationId ?? null,
          })),
        ),
      ],
    };
  }
}
