import { Injectable } from '@nestjs/common';
import type { Actor } from '@vir/common';
import { rows, sql, type Sql } from '@vir/database';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from './audit-actions';

export interface AuditEventInput {
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  actor: Actor;
  /** Ids and codes only: never a BSN, name or other personal data of a youth. */
  details?: Record<string, string | number | boolean | null | string[]>;
  /** The college whose staff may read the event; the actor's college when left out. */
  municipalityCode?: string | null;
}

/** What each event of a row-wise insert takes from its row `f` instead of from the event. */
export interface RowwiseAudit {
  details?: Sql;
  /** Given the actor's correlation id (a parameter). */
  correlation?: (actorCorrelation: Sql) => Sql;
  /** The college of each event, e.g. the recipient organisation's. */
  municipality?: Sql;
}

/**
 * Appends to the audit log inside the caller's transaction, so an action and its trace
 * are committed together or not at all. Every event names the college whose staff may read it.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    await rows(
      manager,
      sql`INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id,
            actor_professional_id, details, correlation_id, municipality_code)
          VALUES (${event.action}, ${event.objectType}, ${event.objectId ?? null}, ${event.actor.credentialId ?? null},
            ${event.actor.organisationId ?? null}, ${event.actor.professionalId ?? null}, ${JSON.stringify(event.details ?? {})},
            ${event.actor.correlationId ?? null}, ${collegeOf(event)})`,
    );
  }

  /**
   * The correlation id each object's `action` event was recorded with, e.g. the request that created
   * a registration: for work done later on its behalf (a match made in a batch its own job was not in).
   */
  async correlationsOf(
    manager: EntityManager,
    action: AuditAction,
    objectIds: string[],
  ): Promise<Map<string, string | null>> {
    if (objectIds.length === 0) return new Map();
    const found: { object_id: string; correlation_id: string | null }[] = await manager.query(
      `SELECT DISTINCT ON (object_id) object_id, correlation_id FROM audit_events WHERE object_id = ANY($1::uuid[]) AND action = $2 ORDER BY object_id, id`,
      [objectIds, action],
    );
    return new Map(found.map((r) => [r.object_id, r.correlation_id]));
  }

  /** A read of personal data: one event per request, naming what was shown (ids only). */
  recordRead(
    manager: EntityManager,
    action: AuditAction,
    actor: Actor,
    about: { type: string; id: string },
    shown?: Record<string, string[]>,
  ): Promise<void> {
    return this.record(manager, { action, objectType: about.type, objectId: about.id, actor, details: shown });
  }

  /**
   * The audit insert as a data-modifying CTE step, for statements that write and trace in one
   * round trip: one event per row of `from` (a CTE name or a subquery), whose `object_id` column
   * names the object. Put it after `WITH …, audited AS (`.
   */
  cte(event: Omit<AuditEventInput, 'objectId'>, from: Sql, rowwise: RowwiseAudit = {}): Sql {
    const { actor } = event;
    const correlation = sql`${actor.correlationId ?? null}::text`;
    return sql`INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id,
                 actor_professional_id, details, correlation_id, municipality_code)
               SELECT ${event.action}, ${event.objectType}, f.object_id, ${actor.credentialId ?? null}::uuid,
                      ${actor.organisationId ?? null}::uuid, ${actor.professionalId ?? null}::uuid,
                      ${rowwise.details ?? sql`${JSON.stringify(event.details ?? {})}::jsonb`},
                      ${rowwise.correlation?.(correlation) ?? correlation},
                      ${rowwise.municipality ?? sql`${collegeOf(event)}::char(4)`}
                 FROM ${from} f`;
  }

  /** Many events in one statement (e.g. one per signal a match produced). */
  async recordMany(manager: EntityManager, events: AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await rows(manager, this.manyCte(events));
  }

  /** The insert of `events` as one statement, usable as a CTE step or on its own. */
  manyCte(events: AuditEventInput[]): Sql {
    const records = events.map((event) => ({
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId ?? null,
      actor_credential_id: event.actor.credentialId ?? null,
      actor_organisation_id: event.actor.organisationId ?? null,
      actor_professional_id: event.actor.professionalId ?? null,
      details: event.details ?? {},
      correlation_id: event.actor.correlationId ?? null,
      municipality_code: collegeOf(event),
    }));
    return sql`INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id,
                 actor_professional_id, details, correlation_id, municipality_code)
               SELECT action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id,
                      coalesce(details, '{}'::jsonb), correlation_id, municipality_code
                 FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS e(action text, object_type text,
                      object_id uuid, actor_credential_id uuid, actor_organisation_id uuid, actor_professional_id uuid,
                      details jsonb, correlation_id text, municipality_code char(4))`;
  }
}

function collegeOf(event: Pick<AuditEventInput, 'municipalityCode' | 'actor'>): string | null {
  return event.municipalityCode !== undefined ? event.municipalityCode : (event.actor.municipalityCode ?? null);
}
