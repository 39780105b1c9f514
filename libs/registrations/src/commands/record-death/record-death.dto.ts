import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { IsBsn, SEXES } from '@vir/pseudonymisation';
import type { Sex } from '@vir/pseudonymisation';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { YouthField } from '../register-youth/register-youth.dto';

/** A BRP death notice names the youth by BSN; a youth without one by surname, birth date and sex. */
export class DeceasedYouthDto {
  @ApiPropertyOptional({ example: '123456782', maxLength: 9 })
  @IsOptional()
  @IsString()
  @MaxLength(9)
  @IsBsn()
  bsn?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  surname?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({ enum: SEXES })
  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;
}

export class RecordDeathDto {
  @YouthField(DeceasedYouthDto, '{ bsn }, or for a youth without a BSN { surname, birthDate, sex }')
  youth: DeceasedYouthDto;
}

export class DeathRecordedView {
  @ApiProperty({ description: 'Active registrations removed (reason deceased, nothing archived)' }) registrationsRemoved: number;
  @ApiProperty({ description: 'Archive entries destroyed' }) archiveEntriesDestroyed: number;
}
