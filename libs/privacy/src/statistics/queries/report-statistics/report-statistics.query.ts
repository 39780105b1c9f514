import { ApiProperty } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { IsString, Matches } from 'class-validator';

/** A month (YYYY-MM) or a date (YYYY-MM-DD) within it. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

export class StatisticsParams {
  @ApiProperty({
    example: '2026-01',
    pattern: MONTH.source,
    maxLength: 10,
    description: 'First month (YYYY-MM; a date YYYY-MM-DD counts as its month)',
  })
  @IsString()
  @Matches(MONTH, { message: 'from must be a month written as YYYY-MM (or a date YYYY-MM-DD)' })
  from: string;

  @ApiProperty({
    example: '2026-12',
    pattern: MONTH.source,
    maxLength: 10,
    description: 'Last month (YYYY-MM or a date in it), at most 36 months after from',
  })
  @IsString()
  @Matches(MONTH, { message: 'to must be a month written as YYYY-MM (or a date YYYY-MM-DD)' })
  to: string;
}

export class ReportStatisticsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: StatisticsParams,
  ) {}
}
