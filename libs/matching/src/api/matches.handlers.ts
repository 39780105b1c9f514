import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import {
  Clock,
  ConflictError,
  decodeCursor,
  isUuid,
  NotFoundError,
  Page,
  PageQueryDto,
  RuleViolationError,
  splitPage,
  todayInAmsterdam,
} from '@vir/common';
import { newestFirst, rows, sql } from '@vir/database';
import { registrationActive } from '@vir/registrations';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { MATCH_COLUMNS, MatchReader, MatchRow, visibilityCondition } from './match-reader';
import { MatchView } from './match-view';

const matchNotFound = () => new NotFoundError('MATCH_NOT_FOUND', 'Match');
const matchClosed = () =>
  new ConflictError('MATCH_CLOSED', 'Match closed', 'Fewer than two active registrations remain; the match is closed.');
const notAParticipant = (detail: string) =>
  new RuleViolationError('NOT_A_PARTICIPANT', 'Not a participant', detail, 'professionalId');

export const FOLLOW_UP_FILTERS = ['overdue', 'open', 'in_contact', 'closed'] as const;

export class ListMatchesParams extends PageQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_FILTERS, description: 'overdue: open and past the escalation deadline' })
  @IsOptional()
  @IsIn(FOLLOW_UP_FILTERS)
  followUp?: (typeof FOLLOW_UP_FILTERS)[number];
}

export class ProfessionalRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId: string;
}

export class ListMatchesQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ListMatchesParams,
  ) {}
}
export class GetMatchQuery {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
  ) {}
}
export class ConfirmContactCommand {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
    readonly professionalId: string,
  ) {}
}
export class ChooseLeadCommand {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
    readonly professionalId: string,
  ) {}
}

/** Matches visible to the credential, newest first; the follow-up officer filters by follow-up state. */
@QueryHandler(ListMatchesQuery)
export class ListMatchesHandler implements IQueryHandler<ListMatchesQuery, Page<MatchView>> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: MatchReader,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, params }: ListMatchesQuery): Promise<Page<MatchView>> {
    const conditions = [visibilityCondition(principal)];
    if (params.followUp === 'overdue') {
      conditions.push(sql`m.status = 'open' AND m.escalation_due_on <= ${todayInAmsterdam(this.clock.now())}`);
    } else if (params.followUp) {
      conditions.push(sql`m.status = ${params.followUp}`);
    }
    const { after, order } = newestFirst('m', decodeCursor(params.cursor), params.limit);
    const found = await rows<MatchRow>(
      this.dataSource,
      sql`SELECT ${MATCH_COLUMNS} FROM matches m WHERE ${sql.join([...conditions, after], ' AND ')} ${order}`,
    );
    const { page, nextCursor } = splitPage(found, params.limit);
    const items = await this.reader.render(page);
    const about = { type: 'organisation', id: principal.organisationId };
    await this.audit.recordRead(this.dataSource.manager, 'matches.listed', actorOf(principal), about, {
      matchIds: items.map((m) => m.id),
    });
    return { items, nextCursor };
  }
}

@QueryHandler(GetMatchQuery)
export class GetMatchHandler implements IQueryHandler<GetMatchQuery, MatchView> {
  constructor(
    private readonly reader: MatchReader,
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ principal, matchId }: GetMatchQuery): Promise<MatchView> {
    const row = isUuid(matchId) ? await this.reader.findVisible(principal, matchId) : undefined;
    if (!row) throw matchNotFound();
    await this.audit.recordRead(this.dataSource.manager, 'match.read', actorOf(principal), {
      type: 'match',
      id: row.id,
    });
    const [view] = await this.reader.render([row]);
    return view;
  }
}

/** Locks a visible, not closed match, applies `change` in the same transaction, and answers with the match as it is then. */
async function changeOpenMatch(
  dataSource: DataSource,
  reader: MatchReader,
  principal: Principal,
  matchId: string,
  change: (manager: EntityManager) => Promise<void>,
): Promise<MatchView> {
  if (!isUuid(matchId)) throw matchNotFound();
  const row = await dataSource.transaction(async (manager) => {
    const match = await reader.findVisible(principal, matchId, manager, true);
    if (!match) throw matchNotFound();
    if (match.status === 'closed') throw matchClosed();
    await change(manager);
    return reader.findVisible(principal, matchId, manager);
  });
  const [view] = await reader.render([row as MatchRow]);
  return view;
}

/**
 * "I have been in touch with the others." A professional of the caller's organisation who takes
 * part in the match confirms; with two confirmations the match is in contact. Repeating changes nothing.
 */
@CommandHandler(ConfirmContactCommand)
export class ConfirmContactHandler implements ICommandHandler<ConfirmContactCommand, MatchView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: MatchReader,
    private readonly audit: AuditLog,
  ) {}

  execute({ principal, matchId, professionalId }: ConfirmContactCommand): Promise<MatchView> {
    return changeOpenMatch(this.dataSource, this.reader, principal, matchId, async (manager) => {
      const updated = await rows<{ professional_id: string }>(
        manager,
        sql`UPDATE match_participants mp SET contact_confirmed_at = coalesce(mp.contact_confirmed_at, now())
             WHERE mp.match_id = ${matchId} AND mp.professional_id = ${professionalId}
               AND mp.organisation_id = ${principal.organisationId} AND mp.left_at IS NULL
               AND ${registrationActive(sql`mp.registration_id`)}
            RETURNING mp.professional_id`,
      );
      if (updated.length === 0)
        throw notAParticipant('professionalId is not a professional of your organisation taking part in this match.');
      await this.audit.record(manager, {
        action: 'match.contact-confirmed',
        objectType: 'match',
        objectId: matchId,
        actor: actorOf(principal, professionalId),
      });
      await rows(
        manager,
        sql`UPDATE matches SET status = 'in_contact', in_contact_at = now()
             WHERE id = ${matchId} AND status = 'open'
               AND (SELECT count(*) FROM match_participants
                     WHERE match_id = ${matchId} AND left_at IS NULL AND contact_confirmed_at IS NOT NULL) >= 2`,
      );
    });
  }
}

/** Who coordinates the help (one family, one plan, one coordinator): any active participant, chosen by a participant or the follow-up officer. */
@CommandHandler(ChooseLeadCommand)
export class ChooseLeadHandler implements ICommandHandler<ChooseLeadCommand, MatchView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: MatchReader,
    private readonly audit: AuditLog,
  ) {}

  execute({ principal, matchId, professionalId }: ChooseLeadCommand): Promise<MatchView> {
    return changeOpenMatch(this.dataSource, this.reader, principal, matchId, async (manager) => {
      const [participant] = await rows(
        manager,
        sql`SELECT 1 FROM match_participants mp
             WHERE mp.match_id = ${matchId} AND mp.professional_id = ${professionalId} AND mp.left_at IS NULL
               AND ${registrationActive(sql`mp.registration_id`)}`,
      );
      if (!participant) throw notAParticipant('The lead must be a professional taking part in this match.');
      await rows(manager, sql`UPDATE matches SET lead_professional_id = ${professionalId} WHERE id = ${matchId}`);
      await this.audit.record(manager, {
        action: 'match.lead-chosen',
        objectType: 'match',
        objectId: matchId,
        actor: actorOf(principal),
        details: { leadProfessionalId: professionalId },
      });
    });
  }
}
