import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, decodeCursor, Page, splitPage, todayInAmsterdam } from '@vir/common';
import { newestFirst, rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { MATCH_COLUMNS, MatchReader, MatchRow, visibilityCondition } from '../../match-reader';
import { MatchView } from '../../match-view';
import { ListMatchesQuery } from './list-matches.query';

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
    const today = todayInAmsterdam(this.clock.now());
    if (params.followUp === 'overdue') {
      conditions.push(sql`m.status = 'open' AND m.escalation_due_on <= ${today} AND m.escalation_resolved_at IS NULL`);
    } else if (params.followUp === 'escalated') {
      conditions.push(sql`m.status = 'open' AND m.escalated_at IS NOT NULL AND m.escalation_resolved_at IS NULL`);
    } else if (params.followUp === 'check_due') {
      conditions.push(
        sql`m.status = 'open' AND m.escalation_resolved_at IS NULL AND m.escalation_next_check_on <= ${today}`,
      );
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
