import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { IsBsn, SEXES } from '@vir/pseudonymisation';
import type { Sex } from '@vir/pseudonymisation';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

/**
 * The youth, identified either by BSN and birth date, or — without a BSN — by surname,
 * birth date and sex (BJw 7.3.1). None of it is stored, logged or returned.
 */
export class YouthDto {
  @ApiPropertyOptional({ description: 'Burgerservicenummer (9 digits, eleven-test). Never stored: only a keyed hash.', example: '123456782', maxLength: 9 })
  @IsOptional()
  @IsString()
  @MaxLength(9)
  @IsBsn()
  bsn?: string;

  @ApiPropertyOptional({ description: 'Family name, for a youth without a BSN (normalised: case, diacritics, spacing).', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  surname?: string;

  @ApiProperty({ format: 'date', example: '2012-03-04' })
  @IsString()
  @IsCalendarDate()
  birthDate: string;

  @ApiPropertyOptional({ enum: SEXES, description: 'BRP code (M, V, O); only for a youth without a BSN.' })
  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;
}

/** The nested, validated `youth` object of a request. */
export function YouthField(type: new () => object = YouthDto, description?: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ type, description }), IsDefined(), IsObject(), ValidateNested(), Type(() => type));
}

export class RegisterYouthDto {
  @ApiProperty({ format: 'uuid', description: 'The meldingsbevoegde of your organisation who registers.' })
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId: string;

  @YouthField()
  youth: YouthDto;

  @ApiPropertyOptional({ format: 'date', description: 'At most two years from today and not after the 23rd birthday; default two years.' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  plannedRemovalDate?: string;
}
