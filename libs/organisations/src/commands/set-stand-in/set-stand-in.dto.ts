import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { IsOptional, IsUUID } from 'class-validator';

export class SetStandInDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active colleague of the same organisation with the same role, who receives the signals meanwhile',
  })
  @IsUUID()
  standInId: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (default today, Europe/Amsterdam)',
    example: '2026-12-21',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiProperty({ format: 'date', description: 'Last day, at most a year after the first', example: '2027-01-03' })
  @IsCalendarDate()
  until: string;
}
