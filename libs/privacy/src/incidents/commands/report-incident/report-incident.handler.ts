import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ValidationFailedError } from '@vir/common';
import { rows, sql } from '@vir/database';
import { OutboxWriter } from '@vir/queue';
import { DataSource } from 'typeorm';
import { IncidentView } from '../../incident.view';
import { notifyPartners } from '../../notify-partners';
import { GetIncidentQuery } from '../../queries/get-incident/get-incident.query';
import { ReportIncidentCommand } from './report-incident.command';

/** Data-breach notification to every connected organisation of the college (privacy protocol art. 8). */
@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand, IncidentView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, input }: ReportIncidentCommand): Promise<IncidentView> {
    if (input.summary !== undefined && input.description !== undefined) {
      throw new ValidationFailedError([{ field: 'description', reason: 'give summary or description, not both' }]);
    }
    const now = this.clock.now().toISOString();
    const id = await this.dataSource.transaction(async (manager) => {
      const [incident] = await rows<{ id: string }>(
        manager,
        sql`INSERT INTO incidents (reference, occurred_at, summary, municipality_code, reported_by, reported_by_person)
            VALUES (${input.reference?.trim() ?? `INC-${now.slice(0, 19).replace(/[-:T]/g, '')}`}, ${input.occurredAt ?? now},
                    ${(input.summary ?? input.description ?? '').trim()}, ${principal.municipalityCode}, ${principal.credentialId},
                    ${principal.person?.id ?? null})
            RETURNING id`,
      );
      const recipients = await notifyPartners(manager, this.outbox, principal, incident.id, 0);
      await this.audit.record(manager, {
        action: 'incident.reported',
        objectType: 'incident',
        objectId: incident.id,
        actor: actorOf(principal),
        details: { organisationsToNotify: recipients },
      });
      return incident.id;
    });
    return this.queries.execute(new GetIncidentQuery(principal, id));
  }
}
