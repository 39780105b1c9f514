import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const SIGNAL_KINDS = [
  'match',
  'match_extended',
  'archive',
  'reminder',
  'escalation',
  'unverified',
  'move',
] as const;
export const MATCH_KINDS = ['same_youth', 'family', 'address'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export const SIGNAL_STATUSES = ['unread', 'acknowledged'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export class SignalStandIn {
  @ApiProperty() name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
  @ApiProperty({ format: 'date', description: 'Last day of the stand-in' }) until: string;
}

export class SignalPerson {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Organisation of the professional' }) organisation: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
  @ApiProperty({ example: 'professional' }) role: string;
  @ApiPropertyOptional({
    type: SignalStandIn,
    nullable: true,
    description:
      'The colleague who stands in for this person today (vervanger) and acts "namens" them: contact them meanwhile',
  })
  standIn: SignalStandIn | null;
}

export class SignalColleague {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() name: string;
}

export class SignalCoordinator {
  @ApiProperty() name: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
}

/**
 * A signal as its recipient sees it. Besides the inbox bookkeeping (id, status, times) it holds
 * exactly what Jw 7.1.4.3(2) allows: the kind, the match, and who else is involved and how to
 * reach them and their coordinators. Never anything about the youth, registration dates or reasons.
 */
export class SignalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SIGNAL_KINDS }) kind: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) matchId: string | null;
  @ApiPropertyOptional({
    enum: MATCH_KINDS,
    nullable: true,
    type: String,
    description:
      'What the match is about: same_youth (others registered the same youth), family (others registered another youth with a parent in common, per the BRP — who, and how related, is not said) or address; null without a match',
  })
  matchKind: (typeof MATCH_KINDS)[number] | null;
  @ApiProperty({
    description:
      'True for a family or address match: the others registered a different youth than you did (domain rule 13); which one is never said',
  })
  concernsAnotherYouth: boolean;
  @ApiPropertyOptional({
    format: 'uuid',
    type: String,
    description:
      'Kind `unverified` only (absent on every other kind): your registration that was accepted while the BRP did not answer, and then ended because the BRP did not confirm the youth (removalReason `unverified`). Register again with the right BSN and birth date.',
  })
  registrationId?: string;
  @ApiPropertyOptional({
    type: String,
    example: '0889',
    description:
      'Kind `move` only (absent on every other kind): the code of the municipality the youth you registered now lives in according to the BRP — a college of this region, another municipality, or 1999 (abroad)',
  })
  movedTo?: string;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status: SignalStatus;
  @ApiProperty({ format: 'uuid' }) recipientProfessionalId: string;
  @ApiProperty({ enum: ['participant', 'coordinator', 'follow_up_officer'] }) recipientRole: string;
  @ApiPropertyOptional({
    type: SignalColleague,
    nullable: true,
    description: 'Set when the recipient received this signal as stand-in (vervanger) for this colleague',
  })
  onBehalfOf: SignalColleague | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ type: [SignalPerson], description: 'The other professionals involved' }) involved: SignalPerson[];
  @ApiProperty({ type: [SignalCoordinator], description: 'Contact persons of their organisations' })
  coordinators: SignalCoordinator[];
}

export class SignalPage {
  @ApiProperty({ type: [SignalView] }) items: SignalView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}
