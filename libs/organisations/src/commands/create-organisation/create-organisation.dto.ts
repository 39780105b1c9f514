import { IsCalendarDate, IsNotBlank } from '@vir/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS } from '../../entities/organisation.entity';
import type { OrganisationKind } from '../../entities/organisation.entity';

export class CreateOrganisationDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'GGD Limburg-Noord' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    enum: ORGANISATION_KINDS,
    description: 'Category of Besluit Jeugdwet 7.1.1–7.1.7, or the gemeente itself.',
  })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({
    pattern: '^\\d{4}$',
    example: '0983',
    description: 'CBS code of the college the written agreement is with.',
  })
  @IsString()
  @Matches(/^\d{4}$/, { message: 'municipalityCode must be a four-digit CBS code such as 0983' })
  municipalityCode: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    description: 'Reference of the written agreement with the college (Jw 7.1.3.1).',
  })
  @IsString()
  @IsNotBlank({ message: 'agreementReference is required: no connection without a written agreement' })
  @MaxLength(200)
  agreementReference: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-01', description: 'The day the agreement was signed.' })
  @IsOptional()
  @IsCalendarDate()
  agreementSignedOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2028-12-31',
    description: 'The last day of the agreement’s term; after the signing day. Leave out for an indefinite term.',
  })
  @IsOptional()
  @IsCalendarDate()
  agreementEndsOn?: string;

  @ApiPropertyOptional({ maxLength: 254, format: 'email', description: 'Where data-breach notifications go.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  breachNotificationEmail?: string;
}
