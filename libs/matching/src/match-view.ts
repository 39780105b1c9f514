import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const FOLLOW_UP_STATES = ['open', 'in_contact', 'closed'] as const;

export class MatchStandInView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
  @ApiProperty({ format: 'date', description: 'Last day of the stand-in' }) until: string;
}

export class MatchColleagueView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() name: string;
}

export class MatchParticipantView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() name: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) contactConfirmedAt: string | null;
  @ApiPropertyOptional({
    enum: ['contact_made', 'already_acquainted', 'no_action_needed'],
    nullable: true,
    type: String,
    description: 'What came of the contact this participant confirmed',
  })
  contactOutcome: string | null;
  @ApiPropertyOptional({
    type: MatchColleagueView,
    nullable: true,
    description: 'The stand-in who confirmed the contact "namens" this participant, when not the participant',
  })
  contactConfirmedBy: MatchColleagueView | null;
  @ApiPropertyOptional({
    type: MatchStandInView,
    nullable: true,
    description: 'Who stands in for this participant today (vervanger) and acts "namens" them',
  })
  standIn: MatchStandInView | null;
}

export class MatchLeadView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() name: string;
  @ApiProperty() organisation: string;
}

export class FollowUpView {
  @ApiProperty({ enum: FOLLOW_UP_STATES }) state: string;
  @ApiProperty({ description: 'Open and past the escalation deadline' }) overdue: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) reminderDueOn: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) escalationDueOn: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) remindedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) escalatedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) inContactAt: string | null;
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the follow-up officer recorded the escalation as resolved',
  })
  escalationResolvedAt: string | null;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'When the follow-up officer looks at the escalation again',
  })
  escalationNextCheckOn: string | null;
  @ApiProperty({ description: 'Open, escalation not resolved, and its next check is today or past' })
  escalationCheckDue: boolean;
}

export class EscalationActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiPropertyOptional({ type: MatchColleagueView, nullable: true, description: 'The follow-up officer' })
  recordedBy: MatchColleagueView | null;
  @ApiProperty({ type: [MatchColleagueView], description: 'The participants contacted' })
  contacted: MatchColleagueView[];
  @ApiProperty({ enum: ['contact_pending', 'resolved', 'escalated_again'] }) outcome: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) nextCheckOn: string | null;
}

/** A match as its participants and the follow-up officer see it: who is involved, not who the youth is. */
export class MatchView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['same_youth', 'family', 'address'],
    description:
      'same_youth: the participants registered the same youth; family: they registered youths with a parent in common (per the BRP); address: youths living at the same residential address (per the BRP) — which youth is not said',
  })
  kind: 'same_youth' | 'family' | 'address';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: FollowUpView }) followUp: FollowUpView;
  @ApiPropertyOptional({ type: MatchLeadView, nullable: true }) lead: MatchLeadView | null;
  @ApiProperty({ type: [MatchParticipantView] }) participants: MatchParticipantView[];
  @ApiProperty({
    type: [EscalationActionView],
    description: 'What the follow-up officer did with the escalation, oldest first',
  })
  escalationActions: EscalationActionView[];
}

export class MatchPage {
  @ApiProperty({ type: [MatchView] }) items: MatchView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}
