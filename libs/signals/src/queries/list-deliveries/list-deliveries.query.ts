import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional } from 'class-validator';
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
