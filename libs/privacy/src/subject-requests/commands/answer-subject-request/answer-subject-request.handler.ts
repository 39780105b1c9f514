import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ConflictError, RuleViolationError, todayInAmsterdam, ValidationFailedError } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { EraseYouthCommand } from '../../../subject-rights/commands/erase-youth/erase-youth.command';
import { AnswerSubjectAccessQuery } from '../../../subject-rights/queries/answer-subject-access/answer-subject-access.query';
import { SubjectAccessView, SubjectErasureView } from '../../../subject-rights/subject-rights.view';
import { GetSubjectRequestQuery } from '../../queries/get-subject-request/get-subject-request.query';
import { entitledRequester, needsReporterAdvice } from '../../subject-request-rules';
import { SubjectRequestAnswerView, SubjectRequestView } from '../../subject-request.view';
import { AnswerSubjectRequestCommand } from './answer-subject-request.command';
import { AnswerSubjectRequestDto } from './answer-subject-request.dto';

const answered = () =>
  new ConflictError('SUBJECT_REQUEST_ANSWERED', 'Already answered', 'This request was answered; record a new request.');

/**
 * The college's decision on a request, carried out through the request and only through it: an
 * access request granted returns what the index holds for the letter; an erasure or objection
 * granted removes without archiving (AVG 17, 21; Jw 7.1.4.6(1)). The youth is named again here;
 * the register keeps the outcome in numbers only.
 */
@CommandHandler(AnswerSubjectRequestCommand)
export class AnswerSubjectRequestHandler implements ICommandHandler<
  AnswerSubjectRequestCommand,
  SubjectRequestAnswerView
> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, id, input }: AnswerSubjectRequestCommand): Promise<SubjectRequestAnswerView> {
    const request: SubjectRequestView = await this.queries.execute(new GetSubjectRequestQuery(principal, id));
    if (request.answeredOn) throw answered();
    this.check(request, input);
    const carriedOut = await this.carryOut(principal, request, input);
    const outcome: Record<string, number> | null = carriedOut.access
      ? {
          registrations: carriedOut.access.registrations.length,
          archiveEntries: carriedOut.access.archiveEntries.length,
          signals: carriedOut.access.signals.length,
        }
      : carriedOut.erasure
        ? { ...carriedOut.erasure }
        : null;
    await this.dataSource.transaction(async (manager) => {
      const changed = await execute(
        manager,
        sql`UPDATE subject_requests SET answered_on = ${todayInAmsterdam(this.clock.now())}, decision = ${input.decision},
                   outcome = ${outcome ? JSON.stringify(outcome) : null}::jsonb
             WHERE id = ${id} AND answered_on IS NULL`,
      );
      if (changed === 0) throw answered();
      await this.audit.record(manager, {
        action: 'subject-request.answered',
        objectType: 'subject-request',
        objectId: id,
        actor: actorOf(principal),
        details: { kind: request.kind, decision: input.decision, ...(outcome ?? {}) },
      });
    });
    return { request: await this.queries.execute(new GetSubjectRequestQuery(principal, id)), ...carriedOut };
  }

  private check(request: SubjectRequestView, input: AnswerSubjectRequestDto): void {
    if (entitledRequester(input.youth.birthDate, request.receivedOn) !== request.requestedBy) {
      throw new RuleViolationError(
        'YOUTH_NOT_OF_REQUEST',
        'Not the youth of this request',
        'By this birth date someone else would have had to file the request; check the youth named.',
        'youth.birthDate',
      );
    }
    if (needsReporterAdvice(request.kind as never) && input.decision !== 'refused' && !request.adviceAskedOn) {
      throw new RuleViolationError(
        'REPORTER_ADVICE_NOT_ASKED',
        "The reporter's advice was not asked",
        "The college decides on this request with the reporter's advice (Jw 7.1.5.2): record when it was asked first.",
        'adviceAskedOn',
      );
    }
    const erasing = request.kind === 'erasure' || request.kind === 'objection';
    const partlyErasing = erasing && input.decision === 'partly_granted';
    if (partlyErasing !== (input.registrationIds !== undefined)) {
      throw new ValidationFailedError([
        {
          field: 'registrationIds',
          reason: partlyErasing
            ? 'name the registrations an erasure or objection partly granted removes'
            : 'only for an erasure or objection partly granted',
        },
      ]);
    }
    if (!erasing && request.kind !== 'access' && input.decision === 'partly_granted') {
      throw new ValidationFailedError([{ field: 'decision', reason: 'granted or refused for this kind of request' }]);
    }
  }

  private async carryOut(
    principal: Principal,
    request: SubjectRequestView,
    input: AnswerSubjectRequestDto,
  ): Promise<{ access?: SubjectAccessView; erasure?: SubjectErasureView }> {
    if (input.decision === 'refused') return {};
    if (request.kind === 'access') {
      return { access: await this.queries.execute(new AnswerSubjectAccessQuery(principal, input.youth)) };
    }
    if (request.kind === 'erasure' || request.kind === 'objection') {
      const erasure: SubjectErasureView = await this.commands.execute(
        new EraseYouthCommand(principal, {
          youth: input.youth,
          ground: request.kind,
          ...(input.registrationIds && { registrationIds: input.registrationIds }),
        }),
      );
      return { erasure };
    }
    return {};
  }
}
