import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { YouthDto, YouthField } from '@vir/pseudonymisation';
import { Type } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const INFORMED_WAYS = ['before_registering', 'urgent_exception'] as const;

/**
 * What the professional confirms before registering (covenant work process): the legal ground
 * (Jw 7.1.4.1) and that the youth (and under 16 a parent) was spoken to first, or that the urgent
 * exception applies. Recorded as such in the audit log; never a reason or free text.
 */
export class RegistrationConfirmationsDto {
  @ApiProperty({ enum: [true], description: 'The registration meets the grounds of Jw 7.1.4.1' })
  @Equals(true, { message: 'legalGround must be true: register only on the grounds of Jw 7.1.4.1' })
  legalGround: true;

  @ApiProperty({
    enum: INFORMED_WAYS,
    description:
      'before_registering: the youth (and under 16 a parent) was told first; urgent_exception: telling them first would harm the youth',
  })
  @IsIn(INFORMED_WAYS)
  informed: (typeof INFORMED_WAYS)[number];
}

/**
 * The youth of a registration. Besides a BSN, or surname, birth date and sex (a youth without a
 * BSN), a professional who may not use the BSN (Jw 7.1.4.2(3)) gives surname and birth date — with
 * `prefix`, and `postcode` and `houseNumber` where that is not unique — and the index finds the BSN
 * in the BRP.
 */
export class RegistrationYouthDto extends YouthDto {
  @ApiPropertyOptional({
    description: 'Voorvoegsel of the surname (e.g. "van der"), for a search in the BRP',
    maxLength: 10,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-ZÀ-ž' ]{1,10}$/, { message: 'prefix must be letters, apostrophes and spaces (at most 10)' })
  prefix?: string;

  @ApiPropertyOptional({ example: '5911 AB', description: 'Postcode of the address, for a search in the BRP' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { message: 'postcode must be a Dutch postcode, e.g. 5911 AB' })
  postcode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 99999, description: 'House number of the address, with postcode' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99999)
  houseNumber?: number;
}

export class RegisterYouthDto {
  @ApiProperty({ format: 'uuid', description: 'The meldingsbevoegde of your organisation who registers.' })
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId: string;

  @YouthField(RegistrationYouthDto)
  youth: RegistrationYouthDto;

  @ApiPropertyOptional({
    format: 'date',
    description: 'At most two years from today and not after the 23rd birthday; default two years.',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  plannedRemovalDate?: string;

  @ApiPropertyOptional({
    type: RegistrationConfirmationsDto,
    description: 'The confirmations of the covenant work process; the portal always asks for them',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationConfirmationsDto)
  confirmations?: RegistrationConfirmationsDto;
}
