import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateIf } from 'class-validator';

/**
 * What came of the follow-up officer's action: the participants are now in touch or agreed who
 * takes the lead (resolved); they were contacted and the officer looks again on nextCheckOn
 * (contact_pending); or it went up to the organisations' contactpersonen or management and the
 * officer looks again on nextCheckOn (escalated_again).
 */
export const ESCALATION_OUTCOMES = ['contact_pending', 'resolved', 'escalated_again'] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

/** A follow-up action looks again within this many days at most. */
export const MAX_NEXT_CHECK_DAYS = 60;

export class RecordEscalationActionDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 50,
    description: 'The participants of the match the follow-up officer contacted (their professionalId)',
  })
  @IsArray({ message: 'contacted must be a list of professionalIds' })
  @ArrayMinSize(1, { message: 'contacted must name at least one participant' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'contacted must hold professionalIds (UUIDs)' })
  contacted: string[];

  @ApiProperty({ enum: ESCALATION_OUTCOMES })
  @IsIn(ESCALATION_OUTCOMES)
  outcome: EscalationOutcome;

  @ApiPropertyOptional({
    format: 'date',
    description: `With contact_pending and escalated_again: when to look again, after today and within ${MAX_NEXT_CHECK_DAYS} days. Not with resolved.`,
  })
  @ValidateIf((o: RecordEscalationActionDto) => o.outcome !== 'resolved' || o.nextCheckOn !== undefined)
  @IsCalendarDate()
  nextCheckOn?: string;
}
