import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { IsOptional, IsString } from 'class-validator';

export class UpdateSubjectRequestDto {
  @ApiPropertyOptional({ format: 'date', description: "The day the reporter's advice was asked (Jw 7.1.5.2)" })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  adviceAskedOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'The day the advice arrived; not before it was asked' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  adviceReceivedOn?: string;
}
