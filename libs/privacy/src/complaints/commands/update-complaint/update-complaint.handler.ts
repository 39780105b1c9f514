import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ConflictError, todayInAmsterdam, ValidationFailedError } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { ComplaintView } from '../../complaint.view';
import { GetComplaintQuery } from '../../queries/get-complaint/get-complaint.query';
import { UpdateComplaintCommand } from './update-complaint.command';

const closed = () =>
  new ConflictError('COMPLAINT_CLOSED', 'Already responded to', 'A complaint with a response no longer changes.');

/**
 * Records that a complaint about a partner went to its own procedure (protocol 5.2) and the written
 * response with its outcome (5.3), which closes the complaint.
 */
@CommandHandler(UpdateComplaintCommand)
export class UpdateComplaintHandler implements ICommandHandler<UpdateComplaintCommand, ComplaintView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, id, input }: UpdateComplaintCommand): Promise<ComplaintView> {
    const complaint: ComplaintView = await this.queries.execute(new GetComplaintQuery(principal, id));
    if (complaint.respondedOn) {
      throw closed();
    }
    const today = todayInAmsterdam(this.clock.now());
    const dated = (['forwardedOn', 'respondedOn'] as const).filter((field) => input[field] !== undefined);
    const problems = [
      ...dated
        .filter((field) => input[field]! > today)
        .map((field) => ({ field, reason: 'must not be in the future' })),
      ...dated
        .filter((field) => input[field]! < complaint.receivedOn)
        .map((field) => ({ field, reason: 'must not be before receivedOn' })),
      ...(input.forwardedOn !== undefined && !complaint.concernsOrganisationId
        ? [{ field: 'forwardedOn', reason: 'only a complaint about a partner goes to its own procedure' }]
        : []),
      ...(input.respondedOn !== undefined && input.outcome === undefined
        ? [{ field: 'outcome', reason: 'give the outcome with the response' }]
        : []),
      ...(input.outcome !== undefined && input.respondedOn === undefined
        ? [{ field: 'respondedOn', reason: 'give the day of the response with the outcome' }]
        : []),
    ];
    if (dated.length === 0 && input.outcome === undefined)
      problems.push({ field: 'forwardedOn', reason: 'give forwardedOn, or respondedOn with outcome' });
    if (problems.length) throw new ValidationFailedError(problems);
    const forwardedOn = input.forwardedOn ?? complaint.forwardedOn;
    await this.dataSource.transaction(async (manager) => {
      const changed = await execute(
        manager,
        sql`UPDATE complaints SET forwarded_on = ${forwardedOn}, responded_on = ${input.respondedOn ?? null},
                                  outcome = ${input.outcome ?? null}
             WHERE id = ${id} AND responded_on IS NULL`,
      );
      if (changed === 0) throw closed();
      await this.audit.record(manager, {
        action: input.respondedOn ? 'complaint.responded' : 'complaint.updated',
        objectType: 'complaint',
        objectId: id,
        actor: actorOf(principal),
        details: { forwardedOn, respondedOn: input.respondedOn ?? null, outcome: input.outcome ?? null },
      });
    });
    return this.queries.execute(new GetComplaintQuery(principal, id));
  }
}
