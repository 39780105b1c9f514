import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { YouthDto, YouthField } from '@vir/pseudonymisation';
import { Type } from 'class-transformer';
import { Equals, IsIn, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';

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
