import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { COMPLAINT_OUTCOMES } from '../../complaint-rules';
import type { ComplaintOutcome } from '../../complaint-rules';

export class UpdateComplaintDto {
  @ApiPropertyOptional({
    format: 'date',
    description: "The day it went to the partner's own complaints procedure (protocol 5.2); only for a partner's",
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  forwardedOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'The day the written response was sent (protocol 5.3); with outcome, and it closes the complaint',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  respondedOn?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_OUTCOMES, description: 'With respondedOn' })
  @IsOptional()
  @IsIn(COMPLAINT_OUTCOMES)
  outcome?: ComplaintOutcome;
}
