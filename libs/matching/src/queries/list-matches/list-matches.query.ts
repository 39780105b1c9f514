import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional } from 'class-validator';

export const FOLLOW_UP_FILTERS = ['overdue', 'escalated', 'open', 'in_contact', 'closed'] as const;

export class ListMatchesParams extends PageQueryDto {
  @ApiPropertyOptional({
    enum: FOLLOW_UP_FILTERS,
    description:
      'overdue: open and past the escalation deadline; escalated: open, and the follow-up officer was signalled',
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
