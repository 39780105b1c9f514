import { ApiProperty } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ComplaintsSummaryParams {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100, description: 'The year the complaints were received in' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class SummariseComplaintsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ComplaintsSummaryParams,
  ) {}
}
