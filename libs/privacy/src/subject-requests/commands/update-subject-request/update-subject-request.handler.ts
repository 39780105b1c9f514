import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ConflictError, todayInAmsterdam, ValidationFailedError } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { GetSubjectRequestQuery } from '../../queries/get-subject-request/get-subject-request.query';
import { SubjectRequestView } from '../../subject-request.view';
import { UpdateSubjectRequestCommand } from './update-subject-request.command';

/** Records when the reporter's advice was asked and received (Jw 7.1.5.2), until the request is answered. */
@CommandHandler(UpdateSubjectRequestCommand)
export class UpdateSubjectRequestHandler implements ICommandHandler<UpdateSubjectRequestCommand, SubjectRequestView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, id, input }: UpdateSubjectRequestCommand): Promise<SubjectRequestView> {
    const request: SubjectRequestView = await this.queries.execute(new GetSubjectRequestQuery(principal, id));
    if (request.answeredOn) {
      throw new ConflictError('SUBJECT_REQUEST_ANSWERED', 'Already answered', 'An answered request no longer changes.');
    }
    const today = todayInAmsterdam(this.clock.now());
    const asked = input.adviceAskedOn ?? request.adviceAskedOn;
    const received = input.adviceReceivedOn ?? request.adviceReceivedOn;
    const problems = [
      ...(['adviceAskedOn', 'adviceReceivedOn'] as const)
        .filter((field) => input[field] !== undefined && input[field] > today)
        .map((field) => ({ field, reason: 'must not be in the future' })),
      ...(asked && asked < request.receivedOn
        ? [{ field: 'adviceAskedOn', reason: 'must not be before receivedOn' }]
        : []),
      ...(received && !asked ? [{ field: 'adviceAskedOn', reason: 'give the day the advice was asked' }] : []),
      ...(received && asked && received < asked
        ? [{ field: 'adviceReceivedOn', reason: 'must not be before adviceAskedOn' }]
        : []),
    ];
    if (problems.length) throw new ValidationFailedError(problems);
    await this.dataSource.transaction(async (manager) => {
      await execute(
        manager,
        sql`UPDATE subject_requests SET advice_asked_on = ${asked}, advice_received_on = ${received}
             WHERE id = ${id} AND answered_on IS NULL`,
      );
      await this.audit.record(manager, {
        action: 'subject-request.updated',
        objectType: 'subject-request',
        objectId: id,
        actor: actorOf(principal),
        details: { adviceAskedOn: asked, adviceReceivedOn: received },
      });
    });
    return this.queries.execute(new GetSubjectRequestQuery(principal, id));
  }
}
