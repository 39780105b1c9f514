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
import { organisationFacts } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { responseDueOn } from '../../complaint-rules';
import { ComplaintView } from '../../complaint.view';
import { GetComplaintQuery } from '../../queries/get-complaint/get-complaint.query';
import { RecordComplaintCommand } from './record-complaint.command';
import { RecordComplaintDto } from './record-complaint.dto';

/** A written complaint enters the college's register with its due date (privacy protocol art. 5). */
@CommandHandler(RecordComplaintCommand)
export class RecordComplaintHandler implements ICommandHandler<RecordComplaintCommand, ComplaintView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal, input }: RecordComplaintCommand): Promise<ComplaintView> {
    const today = todayInAmsterdam(this.clock.now());
    if (input.receivedOn > today) {
      throw new ValidationFailedError([{ field: 'receivedOn', reason: 'must not be in the future' }]);
    }
    if (input.concernsOrganisationId) {
      const [partner] = await rows<{ id: string }>(
        this.dataSource,
        sql`SELECT id FROM ${organisationFacts()} o
             WHERE o.id = ${input.concernsOrganisationId} AND o.municipality_code = ${principal.municipalityCode}`,
      );
      if (!partner)
        throw new RuleViolationError(
          'ORGANISATION_NOT_OF_COLLEGE',
          'Not a partner of your college',
          'concernsOrganisationId is not an organisation with an agreement with your college.',
          'concernsOrganisationId',
        );
    }
    const id = await this.insert(principal, input, today);
    return this.queries.execute(new GetComplaintQuery(principal, id));
  }

  /** The default reference counts the day's complaints; two recorded at once retry with the next number. */
  private async insert(principal: Principal, input: RecordComplaintDto, today: string, attempt = 1): Promise<string> {
    const prefix = `KL-${today.replace(/-/g, '')}-`;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [{ n }] = await rows<{ n: number }>(
          manager,
          sql`SELECT count(*)::int + 1 AS n FROM complaints
               WHERE municipality_code = ${principal.municipalityCode} AND reference LIKE ${`${prefix}%`}`,
        );
        const [created] = await rows<{ id: string }>(
          manager,
          sql`INSERT INTO complaints (municipality_code, reference, received_on, due_on, filed_by, topic,
                                      concerns_organisation_id, recorded_by, recorded_by_person)
              VALUES (${principal.municipalityCode}, ${input.reference?.trim() ?? `${prefix}${n}`}, ${input.receivedOn},
                      ${responseDueOn(input.receivedOn)}, ${input.filedBy}, ${input.topic},
                      ${input.concernsOrganisationId ?? null}, ${principal.credentialId}, ${principal.person?.id ?? null})
              RETURNING id`,
        );
        await this.audit.record(manager, {
          action: 'complaint.recorded',
          objectType: 'complaint',
          objectId: created.id,
          actor: actorOf(principal),
          details: {
            topic: input.topic,
            filedBy: input.filedBy,
            ...(input.concernsOrganisationId && { concernsOrganisationId: input.concernsOrganisationId }),
          },
        });
        return created.id;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.reference === undefined && attempt < 5) return this.insert(principal, input, today, attempt + 1);
      throw new ConflictError(
        'COMPLAINT_REFERENCE_TAKEN',
        'Reference in use',
        'The college already has a complaint with this reference.',
        'reference',
      );
    }
  }
}
