import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { decodeCursor, Page, PageQueryDto, splitPage } from '@vir/common';
import { newestFirst, rows, sql } from '@vir/database';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { SIGNAL_COLUMNS, SignalReader, SignalRow, visibleRoles } from '../signal-reader';
import { SIGNAL_STATUSES, SignalView } from '../signal-view';
import type { SignalStatus } from '../signal-view';

export class ListSignalsParams extends PageQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_STATUSES })
  @IsOptional()
  @IsIn(SIGNAL_STATUSES)
  status?: SignalStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only signals addressed to this person of your organisation' })
  @IsOptional()
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId?: string;
}

export class ListSignalsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ListSignalsParams,
  ) {}
}

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
    const conditions = [
      sql`s.recipient_organisation_id = ${principal.organisationId}`,
      sql`s.recipient_role = ANY(${visibleRoles(principal)}::text[])`,
    ];
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
