import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsNotBlank } from '@vir/common';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { COMPLAINANTS, COMPLAINT_TOPICS } from '../../complaint-rules';
import type { Complainant, ComplaintTopic } from '../../complaint-rules';

export class RecordComplaintDto {
  @ApiProperty({ format: 'date', description: 'The day the written complaint arrived; not in the future' })
  @IsString()
  @IsCalendarDate()
  receivedOn: string;

  @ApiProperty({ enum: COMPLAINANTS })
  @IsIn(COMPLAINANTS)
  filedBy: Complainant;

  @ApiProperty({
    enum: COMPLAINT_TOPICS,
    description:
      'registration (the registration itself), information (not or late informed), rights (access, rectification, erasure), follow_up (what happened after a match), security, other',
  })
  @IsIn(COMPLAINT_TOPICS)
  topic: ComplaintTopic;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The partner it concerns (an organisation of your college); leave out for the index or the college',
  })
  @IsOptional()
  @IsUUID()
  concernsOrganisationId?: string;

  @ApiPropertyOptional({
    description: "The college's own reference; default KL-<date>-<n>",
    maxLength: 40,
    example: 'KL-2026-007',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(40)
  @Matches(/^[\p{L}\p{N} ._/-]+$/u, { message: 'reference may hold letters, digits, spaces and . _ / -' })
  reference?: string;
}
