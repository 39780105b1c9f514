import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IncidentNotificationView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ['pending', 'notified', 'failed', 'dead'] }) status: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) notifiedAt: string | null;
}

export class IncidentAuthorityDecisionView {
  @ApiProperty({
    enum: ['notified', 'not_notified'],
    description: 'Whether the Autoriteit Persoonsgegevens was notified',
  })
  decision: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ description: 'Decided within 72 hours of discovery (AVG 33(1))' }) inTime: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The Autoriteit's number of the notification" })
  authorityReference: string | null;
}

export class IncidentUpdateView {
  @ApiProperty({ example: 1, description: 'The number of the update; the report itself is round 0' }) round: number;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'This update closed the incident' }) closes: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'Partners this update went to' }) partners: number;
  @ApiProperty({ description: 'Of those, notified so far' }) partnersNotified: number;
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
  @ApiPropertyOptional({ type: IncidentAuthorityDecisionView, nullable: true })
  authorityDecision: IncidentAuthorityDecisionView | null;
  @ApiProperty({
    type: [IncidentUpdateView],
    description: 'Updates to every partner (privacy protocol 8.3), oldest first',
  })
  updates: IncidentUpdateView[];
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'Closed by an update' })
  closedAt: string | null;
}
