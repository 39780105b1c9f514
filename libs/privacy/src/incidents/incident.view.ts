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
  @ApiProperty({
    format: 'date-time',
    description: 'Every partner is told within 24 hours of the report (privacy protocol 8.2)',
  })
  notifyPartnersBy: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'The controller decides within 72 hours of discovery whether to notify the Autoriteit Persoonsgegevens (AVG 33)',
  })
  authorityDecisionBy: string;
}
