import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@vir/common';
import { rows, sql } from '@vir/database';
import { organisationFacts } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { incidentNotFound } from '../../incident-errors';
import { IncidentView } from '../../incident.view';
import { GetIncidentQuery } from './get-incident.query';

const HOUR = 3_600_000;

/** An incident of the own college with the time each organisation was notified, and its two deadlines. */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery, IncidentView> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal, incidentId: id }: GetIncidentQuery): Promise<IncidentView> {
    const [incident] = isUuid(id)
      ? await rows<{ id: string; reference: string; occurred_at: Date; reported_at: Date; summary: string }>(
          this.dataSource,
          sql`SELECT id, reference, occurred_at, reported_at, summary FROM incidents
               WHERE id = ${id} AND municipality_code = ${principal.municipalityCode}`,
        )
      : [];
    if (!incident) throw incidentNotFound();
    const notifications = await rows<{
      organisation_id: string;
      name: string;
      email: string;
      status: string;
      notified_at: Date | null;
    }>(
      this.dataSource,
      sql`SELECT n.organisation_id, o.name, n.email, n.status, n.notified_at
            FROM incident_notifications n JOIN ${organisationFacts()} o ON o.id = n.organisation_id
           WHERE n.incident_id = ${id} ORDER BY o.name`,
    );
    return {
      id: incident.id,
      reference: incident.reference,
      occurredAt: new Date(incident.occurred_at).toISOString(),
      reportedAt: new Date(incident.reported_at).toISOString(),
      summary: incident.summary,
      notifyPartnersBy: new Date(new Date(incident.reported_at).getTime() + 24 * HOUR).toISOString(),
      authorityDecisionBy: new Date(new Date(incident.occurred_at).getTime() + 72 * HOUR).toISOString(),
      notifications: notifications.map((n) => ({
        organisationId: n.organisation_id,
        organisation: n.name,
        email: n.email,
        status: n.status,
        notifiedAt: n.notified_at ? new Date(n.notified_at).toISOString() : null,
      })),
    };
  }
}
