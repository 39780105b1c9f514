import { IsNotBlank } from '@vir/common';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PROFESSIONAL_ROLES } from '../../entities/professional.entity';
import type { ProfessionalRole } from '../../entities/professional.entity';

export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{6,20}[0-9]$/;

/** Identification and contact details of a person, as stored with a registration (Jw 7.1.4.3(1)(a)). */
export class ContactDetailsDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'A. de Vries' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({ maxLength: 254, format: 'email', example: 'a.devries@example.org' })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 32, pattern: PHONE_PATTERN.source, example: '+31 77 123 4567' })
  @IsString()
  @MaxLength(32)
  @Matches(PHONE_PATTERN, {
    message: 'phone must be a telephone number of 8 to 22 digits, optionally with +, spaces, dashes or brackets',
  })
  phone: string;
}

export class AddProfessionalDto extends ContactDetailsDto {
  @ApiProperty({
    enum: PROFESSIONAL_ROLES,
    description:
      'professional = meldingsbevoegde; coordinator = contactpersoon verwijsindex; follow_up_officer = regievoerder (municipality only).',
  })
  @IsIn(PROFESSIONAL_ROLES)
  role: ProfessionalRole;
}

export class UpdateContactDetailsDto extends PartialType(ContactDetailsDto) {}
