import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ConflictError, ValidationFailedError } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { IncidentView } from '../../incident.view';
import { GetIncidentQuery } from '../../queries/get-incident/get-incident.query';
import { RecordAuthorityDecisionCommand } from './record-authority-decision.command';

/** Records, once, whether the college notified the Autoriteit Persoonsgegevens, and whether within 72 hours. */
@CommandHandler(RecordAuthorityDecisionCommand)
export class RecordAuthorityDecisionHandler implements ICommandHandler<RecordAuthorityDecisionCommand, IncidentView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, incidentId, input }: RecordAuthorityDecisionCommand): Promise<IncidentView> {
    const incident: IncidentView = await this.queries.execute(new GetIncidentQuery(principal, incidentId));
    if (input.authorityReference !== undefined && input.decision !== 'notified')
      throw new ValidationFailedError([
        { field: 'authorityReference', reason: "only a notification has the Autoriteit's number" },
      ]);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const changed = await execute(
        manager,
        sql`UPDATE incidents SET authority_decision = ${input.decision}, authority_decided_at = ${now.toISOString()},
                                 authority_reference = ${input.authorityReference?.trim() ?? null},
                                 authority_decided_by = ${principal.credentialId},
                                 authority_decided_by_person = ${principal.person?.id ?? null}
             WHERE id = ${incidentId} AND authority_decision IS NULL`,
      );
      if (changed === 0)
        throw new ConflictError(
          'AUTHORITY_DECISION_RECORDED',
          'Already decided',
          'The decision on notifying the Autoriteit Persoonsgegevens was recorded before.',
        );
      await this.audit.record(manager, {
        action: 'incident.authority-decided',
        objectType: 'incident',
        objectId: incidentId,
        actor: actorOf(principal),
        details: { decision: input.decision, inTime: now.toISOString() <= incident.authorityDecisionBy },
      });
    });
    return this.queries.execute(new GetIncidentQuery(principal, incidentId));
  }
}
