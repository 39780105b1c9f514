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
      ? await rows<{
          id: string;
          reference: string;
          occurred_at: Date;
          reported_at: Date;
          summary: string;
          authority_decision: string | null;
          authority_decided_at: Date | null;
          authority_reference: string | null;
          closed_at: Date | null;
        }>(
          this.dataSource,
          sql`SELECT id, reference, occurred_at, reported_at, summary, authority_decision, authority_decided_at,
                     authority_reference, closed_at
                FROM incidents WHERE id = ${id} AND municipality_code = ${principal.municipalityCode}`,
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
           WHERE n.incident_id = ${id} AND n.round = 0 ORDER BY o.name`,
    );
    const updates = await rows<{
      round: number;
      summary: string;
      closes: boolean;
      recorded_at: Date;
      partners: number;
      notified: number;
    }>(
      this.dataSource,
      sql`SELECT u.round, u.summary, u.closes, u.recorded_at,
                 (SELECT count(*)::int FROM incident_notifications n WHERE n.incident_id = u.incident_id AND n.round = u.round) AS partners,
                 (SELECT count(*)::int FROM incident_notifications n
                   WHERE n.incident_id = u.incident_id AND n.round = u.round AND n.status = 'notified') AS notified
            FROM incident_updates u WHERE u.incident_id = ${id} ORDER BY u.round`,
    );
    const decisionBy = new Date(incident.occurred_at).getTime() + 72 * HOUR;
    return {
      id: incident.id,
      reference: incident.reference,
      occurredAt: new Date(incident.occurred_at).toISOString(),
      reportedAt: new Date(incident.reported_at).toISOString(),
      summary: incident.summary,
      notifyPartnersBy: new Date(new Date(incident.reported_at).getTime() + 24 * HOUR).toISOString(),
      authorityDecisionBy: new Date(decisionBy).toISOString(),
      authorityDecision:
        incident.authority_decision && incident.authority_decided_at
          ? {
              decision: incident.authority_decision,
              decidedAt: new Date(incident.authority_decided_at).toISOString(),
              inTime: new Date(incident.authority_decided_at).getTime() <= decisionBy,
              authorityReference: incident.authority_reference,
            }
          : null,
      updates: updates.map((u) => ({
        round: u.round,
        summary: u.summary,
        closes: u.closes,
        recordedAt: new Date(u.recorded_at).toISOString(),
        partners: u.partners,
        partnersNotified: u.notified,
      })),
      closedAt: incident.closed_at ? new Date(incident.closed_at).toISOString() : null,
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
