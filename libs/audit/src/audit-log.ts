import { Injectable } from '@nestjs/common';
import type { Actor } from '@vir/common';
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
  detailsSql?: string;
  /** Given the parameter that holds the actor's correlation id. */
  correlationSql?: (actorCorrelation: string) => string;
  /** The college of each event, e.g. the recipient organisation's. */
  municipalitySql?: string;
}

/**
 * Appends to the audit log inside the caller's transaction, so an action and its trace
 * are committed together or not at all. Every event names the college whose staff may read it.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id,
         actor_professional_id, details, correlation_id, municipality_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.action,
        event.objectType,
        event.objectId ?? null,
        event.actor.credentialId ?? null,
        event.actor.organisationId ?? null,
        event.actor.professionalId ?? null,
        JSON.stringify(event.details ?? {}),
        event.actor.correlationId ?? null,
        collegeOf(event),
      ],
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
    const rows: { object_id: string; correlation_id: string | null }[] = await manager.query(
      `SELECT DISTINCT ON (object_id) object_id, correlation_id FROM audit_events WHERE object_id = ANY($1::uuid[]) AND action = $2 ORDER BY object_id, id`,
      [objectIds, action],
    );
    return new Map(rows.map((r) => [r.object_id, r.correlation_id]));
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
   * round trip: one event per row of `fromCte`, whose `object_id` column names the object.
   * Returns the SQL (to put after `WITH …, audited AS (`) and its parameters, numbered from `firstParam`.
   */
  cte(
    event: Omit<AuditEventInput, 'objectId'>,
    fromCte: string,
    firstParam: number,
    rowwise: RowwiseAudit = {},
  ): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${firstParam + params.length - 1}`;
    };
    const action = param(event.action);
    const objectType = param(event.objectType);
    const credential = param(event.actor.credentialId ?? null);
    const organisation = param(event.actor.organisationId ?? null);
    const professional = param(event.actor.professionalId ?? null);
    const correlation = param(event.actor.correlationId ?? null);
    const details = rowwise.detailsSql ?? `${param(JSON.stringify(event.details ?? {}))}::jsonb`;
    const municipality = rowwise.municipalitySql ?? `${param(collegeOf(event))}::char(4)`;
    return {
      sql: `INSERT INTO audit_events (action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id, details,
              correlation_id, municipality_code)
            SELECT ${action}, ${objectType}, f.object_id, ${credential}::uuid, ${organisation}::uuid, ${professional}::uuid, ${details},
                   ${rowwise.correlationSql?.(correlation) ?? correlation}, ${municipality} FROM ${fromCte} f`,
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
              actor_professional_id, details, correlation_id, municipality_code)
            SELECT action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id,
                   coalesce(details, '{}'::jsonb), correlation_id, municipality_code
              FROM jsonb_to_recordset($${firstParam}::jsonb) AS e(action text, object_type text, object_id uuid, actor_credential_id uuid,
                   actor_organisation_id uuid, actor_professional_id uuid, details jsonb, correlation_id text, municipality_code char(4))`,
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
            municipality_code: collegeOf(event),
          })),
        ),
      ],
    };
  }
}

function collegeOf(event: Pick<AuditEventInput, 'municipalityCode' | 'actor'>): string | null {
  return event.municipalityCode !== undefined ? event.municipalityCode : (event.actor.municipalityCode ?? null);
}
