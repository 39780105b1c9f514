import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { OrganisationAccess } from '../../organisation-access';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const;

export class ListWebhookDeliveriesParams extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'dead: given up after retrying (dead letter)' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];
}

export class DeliveryView {
  @ApiProperty({ format: 'uuid' }) signalId: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) firstAttemptAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError: string | null;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView] }) items: DeliveryView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class ListWebhookDeliveriesQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly params: ListWebhookDeliveriesParams,
  ) {}
}

/** E-mail and webhook deliveries of an organisation's signals, latest attempt first; dead letters with `status=dead`. */
@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery, DeliveryPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
  ) {}

  async execute({ principal, organisationId, params }: ListWebhookDeliveriesQuery): Promise<DeliveryPage> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    const offset = params.cursor && /^\d{1,9}$/.test(params.cursor) ? Number(params.cursor) : 0;
    const rows: {
      signal_id: string;
      channel: string;
      status: string;
      attempts: number;
      first_attempt_at: Date | null;
      last_attempt_at: Date | null;
      delivered_at: Date | null;
      last_error: string | null;
    }[] = await this.dataSource.query(
      `SELECT signal_id, channel, status, attempts, first_attempt_at, last_attempt_at, delivered_at, last_error FROM signal_deliveries
          WHERE organisation_id = $1 AND channel <> 'inbox' AND ($2::text IS NULL OR status = $2)
          ORDER BY last_attempt_at DESC NULLS LAST, signal_id OFFSET $3 LIMIT $4`,
      [organisation.id, params.status ?? null, offset, params.limit + 1],
    );
    const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
    return {
      items: rows.slice(0, params.limit).map((r) => ({
        signalId: r.signal_id,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        firstAttemptAt: iso(r.first_attempt_at),
        lastAttemptAt: iso(r.last_attempt_at),
        deliveredAt: iso(r.delivered_at),
        lastError: r.last_error,
      })),
      nextCursor: rows.length > params.limit ? String(offset + params.limit) : null,
    };
  }
}
