import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { decodeCursor, Page, splitPage } from '@vir/common';
import { newestFirst, rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { SIGNAL_COLUMNS, SignalReader, SignalRow, signalsVisibleTo } from '../../signal-reader';
import { SignalView } from '../../signal-view';
import { ListSignalsQuery } from './list-signals.query';

/** The inbox: signals addressed to people of the credential's organisation, newest first. */
@QueryHandler(ListSignalsQuery)
export class ListSignalsHandler implements IQueryHandler<ListSignalsQuery, Page<SignalView>> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: SignalReader,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, params }: ListSignalsQuery): Promise<Page<SignalView>> {
    const cursor = decodeCursor(params.cursor);
    const conditions = [signalsVisibleTo(principal)];
    if (params.status)
      conditions.push(params.status === 'unread' ? sql`s.acknowledged_at IS NULL` : sql`s.acknowledged_at IS NOT NULL`);
    if (params.professionalId) conditions.push(sql`s.recipient_professional_id = ${params.professionalId}`);
    const { after, order } = newestFirst('s', cursor, params.limit);
    const found = await rows<SignalRow>(
      this.dataSource,
      sql`SELECT ${SIGNAL_COLUMNS} FROM signals s WHERE ${sql.join([...conditions, after], ' AND ')} ${order}`,
    );
    const { page, nextCursor } = splitPage(found, params.limit);
    const items = await this.reader.render(page);
    // Signals name other professionals: every read of them is traced.
    const about = { type: 'organisation', id: principal.organisationId };
    await this.audit.recordRead(this.dataSource.manager, 'signals.listed', actorOf(principal), about, {
      signalIds: items.map((s) => s.id),
    });
    return { items, nextCursor };
  }
}
