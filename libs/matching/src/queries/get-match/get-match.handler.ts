import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUuid } from '@vir/common';
import { DataSource } from 'typeorm';
import { MatchReader } from '../../match-reader';
import { MatchView } from '../../match-view';
import { matchNotFound } from '../../match-errors';
import { GetMatchQuery } from './get-match.query';

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
