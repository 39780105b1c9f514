import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { ValidationFailedError } from '@vir/common';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { ADMINISTRATIVE_ACTIONS } from '../../audit-actions';
import { AuditLog } from '../../audit-log';
import { AuditEventPage, ListAuditEventsQuery } from './list-audit-events.query';

/**
 * The college's audit log, newest first: only events of the reader's own college (the
 * organisations whose agreement is with it), so no college can rebuild another's matches from
 * shared correlation ids. Reading the log is itself an audit event.
 */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, AuditEventPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, params }: ListAuditEventsQuery): Promise<AuditEventPage> {
    if (params.from && params.to && Date.parse(params.from) > Date.parse(params.to)) {
      throw new ValidationFailedError([{ field: 'to', reason: 'to must not be before from' }]);
    }
    const conditions = [sql`municipality_code = ${principal.municipalityCode}`];
    // The administrator sees the administration; the privacy officer (scope audit) the whole log.
    if (!principal.scopes.includes('audit')) conditions.push(sql`action = ANY(${ADMINISTRATIVE_ACTIONS}::text[])`);
    if (params.objectId) conditions.push(sql`object_id = ${params.objectId}`);
    if (params.actorOrganisationId) conditions.push(sql`actor_organisation_id = ${params.actorOrganisationId}`);
    if (params.actorCredentialId) conditions.push(sql`actor_credential_id = ${params.actorCredentialId}`);
    if (params.from) conditions.push(sql`occurred_at >= ${params.from}::timestamptz`);
    if (params.to) conditions.push(sql`occurred_at <= ${params.to}::timestamptz`);
    if (params.cursor) conditions.push(sql`id < ${params.cursor}::bigint`);
    const found = await rows<Record<string, unknown>>(
      this.dataSource,
      sql`SELECT id, occurred_at, action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id,
              details, correlation_id, EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = audit_events.id) AS sealed
         FROM audit_events WHERE ${sql.join(conditions, ' AND ')} ORDER BY id DESC LIMIT ${params.limit + 1}`,
    );
    const page = found.slice(0, params.limit);
    await this.audit.record(this.dataSource.manager, {
      action: 'audit-events.read',
      objectType: 'audit-log',
      actor: actorOf(principal),
      details: {
        events: page.length,
        filters: Object.keys(params).filter(
          (key) => key !== 'limit' && params[key as keyof typeof params] !== undefined,
        ),
      },
    });
    return {
      items: page.map((r) => ({
        id: String(r.id),
        occurredAt: new Date(r.occurred_at as string).toISOString(),
        action: r.action as string,
        objectType: r.object_type as string,
        objectId: r.object_id as string | null,
        actorCredentialId: r.actor_credential_id as string | null,
        actorOrganisationId: r.actor_organisation_id as string | null,
        actorProfessionalId: r.actor_professional_id as string | null,
        details: r.details as Record<string, unknown>,
        correlationId: r.correlation_id as string | null,
        sealed: r.sealed as boolean,
      })),
      nextCursor: found.length > params.limit ? String(page[page.length - 1].id) : null,
    };
  }
}
