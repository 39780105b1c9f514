import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsNotBlank } from '@vir/common';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsBsn } from './is-bsn.validator';
import { SEXES } from './service-number';
import type { Sex } from './service-number';

/**
 * The youth, identified either by BSN and birth date, or — without a BSN — by surname,
 * birth date and sex (BJw 7.3.1). None of it is stored, logged or returned.
 */
export class YouthDto {
  @ApiPropertyOptional({
    description: 'Burgerservicenummer (9 digits, eleven-test). Never stored: only a keyed hash.',
    example: '123456782',
    pattern: '^\\d{8,9}$',
    minLength: 8,
    maxLength: 9,
  })
  @IsOptional()
  @IsString()
  @MaxLength(9)
  @IsBsn()
  bsn?: string;

  @ApiPropertyOptional({
    description:
      'Family name, for a youth without a BSN: letters (with diacritics), spaces, hyphens, apostrophes and dots; no digits. ' +
      'Case, diacritics, spacing and hyphens do not matter; prefixes such as "van der" are part of the name.',
    minLength: 1,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
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

/** The youth named in a death notice: by BSN alone, or for a youth without one by surname, birth date and sex. */
export class DeceasedYouthDto {
  @ApiPropertyOptional({ example: '123456782', pattern: '^\\d{8,9}$', minLength: 8, maxLength: 9 })
  @IsOptional()
  @IsString()
  @MaxLength(9)
  @IsBsn()
  bsn?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
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

/** The nested, validated `youth` object of a request. */
export function YouthField(type: new () => object = YouthDto, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type, description }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}
