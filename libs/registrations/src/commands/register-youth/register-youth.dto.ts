import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { YouthDto, YouthField } from '@vir/pseudonymisation';
import { IsOptional, IsString, IsUUID } from 'class-validator';

export class RegisterYouthDto {
  @ApiProperty({ format: 'uuid', description: 'The meldingsbevoegde of your organisation who registers.' })
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId: string;

  @YouthField()
  youth: YouthDto;

  @ApiPropertyOptional({
    format: 'date',
    description: 'At most two years from today and not after the 23rd birthday; default two years.',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  plannedRemovalDate?: string;
}
