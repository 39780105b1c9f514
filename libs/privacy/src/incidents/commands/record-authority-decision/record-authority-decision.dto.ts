import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@vir/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const AUTHORITY_DECISIONS = ['notified', 'not_notified'] as const;

/** The college's decision on notifying the Autoriteit Persoonsgegevens (AVG 33). */
export class RecordAuthorityDecisionDto {
  @ApiProperty({
    enum: AUTHORITY_DECISIONS,
    description:
      'notified: reported to the Autoriteit; not_notified: the breach is unlikely to result in a risk to people (AVG 33(1))',
  })
  @IsIn(AUTHORITY_DECISIONS)
  decision: (typeof AUTHORITY_DECISIONS)[number];

  @ApiPropertyOptional({
    maxLength: 100,
    description: "The Autoriteit's number of the notification; only when notified",
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  authorityReference?: string;
}
