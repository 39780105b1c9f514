import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IncidentNotificationView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ['pending', 'notified', 'failed', 'dead'] }) status: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) notifiedAt: string | null;
}

export class IncidentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [IncidentNotificationView] }) notifications: IncidentNotificationView[];
}
