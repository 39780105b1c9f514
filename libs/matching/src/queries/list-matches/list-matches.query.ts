import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional } from 'class-validator';

export const FOLLOW_UP_FILTERS = ['overdue', 'escalated', 'check_due', 'open', 'in_contact', 'closed'] as const;

export class ListMatchesParams extends PageQueryDto {
  @ApiPropertyOptional({
    enum: FOLLOW_UP_FILTERS,
    description:
      'overdue: open, past the escalation deadline and not resolved by the follow-up officer; escalated: open, the follow-up officer was signalled and has not resolved it; check_due: escalated and its next check is today or past',
  })
  @IsOptional()
  @IsIn(FOLLOW_UP_FILTERS)
  followUp?: (typeof FOLLOW_UP_FILTERS)[number];
}

export class ListMatchesQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ListMatchesParams,
  ) {}
}
