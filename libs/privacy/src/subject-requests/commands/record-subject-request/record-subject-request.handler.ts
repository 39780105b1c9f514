import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import {
  Clock,
  ConflictError,
  isUniqueViolation,
  RuleViolationError,
  todayInAmsterdam,
  ValidationFailedError,
} from '@vir/common';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { GetSubjectRequestQuery } from '../../queries/get-subject-request/get-subject-request.query';
import { answerDueOn, entitledRequester } from '../../subject-request-rules';
import { SubjectRequestView } from '../../subject-request.view';
import { RecordSubjectRequestCommand } from './record-subject-request.command';
import { RecordSubjectRequestDto } from './record-subject-request.dto';

const REQUESTER_NAMES = {
  legal_representative: 'the legal representative',
  youth_and_legal_representative: 'the youth and the legal representative jointly',
  youth: 'the youth',
};

/** A written request enters the register with its due date; one filed by someone not entitled is refused. */
@CommandHandler(RecordSubjectRequestCommand)
export class RecordSubjectRequestHandler implements ICommandHandler<RecordSubjectRequestCommand, SubjectRequestView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, input }: RecordSubjectRequestCommand): Promise<SubjectRequestView> {
    const today = todayInAmsterdam(this.clock.now());
    if (input.receivedOn > today) {
      throw new ValidationFailedError([{ field: 'receivedOn', reason: 'must not be in the future' }]);
    }
    if (input.youthBirthDate > input.receivedOn) {
      throw new ValidationFailedError([{ field: 'youthBirthDate', reason: 'must be before receivedOn' }]);
    }
    const entitled = entitledRequester(input.youthBirthDate, input.receivedOn);
    if (input.requestedBy !== entitled) {
      throw new RuleViolationError(
        'REQUESTER_NOT_ENTITLED',
        'Not filed by whom the law names',
        `At the youth's age on the day of receipt the request is filed by ${REQUESTER_NAMES[entitled]} (Jw 7.1.5.1(2)).`,
        'requestedBy',
      );
    }
    const id = await this.insert(principal, input, today);
    return this.queries.execute(new GetSubjectRequestQuery(principal, id));
  }

  /** The default reference counts the day's requests; two recorded at once retry with the next number. */
  private async insert(
    principal: Principal,
    input: RecordSubjectRequestDto,
    today: string,
    attempt = 1,
  ): Promise<string> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [{ n }] = await rows<{ n: number }>(
          manager,
          sql`SELECT count(*)::int + 1 AS n FROM subject_requests
               WHERE municipality_code = ${principal.municipalityCode} AND reference LIKE ${`VZ-${today.replace(/-/g, '')}-%`}`,
        );
        const [created] = await rows<{ id: string }>(
          manager,
          sql`INSERT INTO subject_requests (municipality_code, reference, kind, received_on, due_on, requested_by,
                                            recorded_by, recorded_by_person)
              VALUES (${principal.municipalityCode}, ${input.reference?.trim() ?? `VZ-${today.replace(/-/g, '')}-${n}`},
                      ${input.kind}, ${input.receivedOn}, ${answerDueOn(input.receivedOn)}, ${input.requestedBy},
                      ${principal.credentialId}, ${principal.person?.id ?? null})
              RETURNING id`,
        );
        await this.audit.record(manager, {
          action: 'subject-request.recorded',
          objectType: 'subject-request',
          objectId: created.id,
          actor: actorOf(principal),
          details: { kind: input.kind, requestedBy: input.requestedBy },
        });
        return created.id;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.reference === undefined && attempt < 5) return this.insert(principal, input, today, attempt + 1);
      throw new ConflictError(
        'SUBJECT_REQUEST_REFERENCE_TAKEN',
        'Reference in use',
        'The college already has a subject request with this reference.',
        'reference',
      );
    }
  }
}
