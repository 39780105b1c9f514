import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ConflictError } from '@vir/common';
import { rows, sql } from '@vir/database';
import { OutboxWriter } from '@vir/queue';
import { DataSource } from 'typeorm';
import { IncidentView } from '../../incident.view';
import { notifyPartners } from '../../notify-partners';
import { GetIncidentQuery } from '../../queries/get-incident/get-incident.query';
import { AddIncidentUpdateCommand } from './add-incident-update.command';

/** An update about a breach goes to every partner's breach address, as the report did (privacy protocol 8.3). */
@CommandHandler(AddIncidentUpdateCommand)
export class AddIncidentUpdateHandler implements ICommandHandler<AddIncidentUpdateCommand, IncidentView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, incidentId, input }: AddIncidentUpdateCommand): Promise<IncidentView> {
    await this.queries.execute(new GetIncidentQuery(principal, incidentId));
    const now = this.clock.now().toISOString();
    await this.dataSource.transaction(async (manager) => {
      // The lock orders two updates at once: each gets the next round.
      const [open] = await rows<{ round: number }>(
        manager,
        sql`SELECT COALESCE((SELECT max(round) FROM incident_updates WHERE incident_id = i.id), 0) + 1 AS round
              FROM incidents i WHERE i.id = ${incidentId} AND i.closed_at IS NULL FOR UPDATE`,
      );
      if (!open)
        throw new ConflictError(
          'INCIDENT_CLOSED',
          'Incident closed',
          'An update closed this incident; no update follows.',
        );
      await rows(
        manager,
        sql`INSERT INTO incident_updates (incident_id, round, summary, closes, recorded_at, recorded_by, recorded_by_person)
            VALUES (${incidentId}, ${open.round}, ${input.summary.trim()}, ${input.closes ?? false}, ${now},
                    ${principal.credentialId}, ${principal.person?.id ?? null})`,
      );
      if (input.closes) await rows(manager, sql`UPDATE incidents SET closed_at = ${now} WHERE id = ${incidentId}`);
      const partners = await notifyPartners(manager, this.outbox, principal, incidentId, open.round);
      await this.audit.record(manager, {
        action: 'incident.updated',
        objectType: 'incident',
        objectId: incidentId,
        actor: actorOf(principal),
        details: { round: open.round, closes: input.closes ?? false, organisationsToNotify: partners },
      });
    });
    return this.queries.execute(new GetIncidentQuery(principal, incidentId));
  }
}
