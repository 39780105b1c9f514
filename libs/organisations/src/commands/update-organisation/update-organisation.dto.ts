import { IsCalendarDate, IsNotBlank } from '@vir/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** As many closing days as a college keeps for a year or two ahead. */
export const FOLLOW_UP_CLOSING_DAYS_MAX = 60;

/** Settings the administrator keeps per organisation. `null` clears a value. */
export class UpdateOrganisationDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  agreementReference?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsCalendarDate()
  agreementSignedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'null: an indefinite term' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsCalendarDate()
  agreementEndsOn?: string | null;

  @ApiPropertyOptional({ maxLength: 254, format: 'email', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEmail()
  @MaxLength(254)
  breachNotificationEmail?: string | null;

  @ApiPropertyOptional({
    maxLength: 2000,
    format: 'uri',
    nullable: true,
    type: String,
    description: 'HTTPS URL (public address) receiving CloudEvents; set together with webhookSecret',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] })
  @MaxLength(2000)
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 200,
    nullable: true,
    type: String,
    description: 'HMAC-SHA-256 key for the signature header; never returned',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  webhookSecret?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, nullable: true, type: Number })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(60)
  followUpReminderWorkingDays?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, nullable: true, type: Number })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1)
  @Max(120)
  followUpEscalationWorkingDays?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    isArray: true,
    maxItems: FOLLOW_UP_CLOSING_DAYS_MAX,
    nullable: true,
    description: "The college's own closing days, replacing the list; null or [] clears it",
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_CLOSING_DAYS_MAX)
  @IsCalendarDate({ each: true })
  followUpClosingDays?: string[] | null;

  @ApiPropertyOptional({
    description:
      'Whether its professionals may use the BSN (Jw 7.1.4.2(3); the BJw names the categories that may). false: they register by surname and birth date (and postcode and house number where needed), the index finds the BSN in the BRP',
  })
  @IsOptional()
  @IsBoolean()
  usesBsn?: boolean;

  @ApiPropertyOptional({
    description:
      'Municipality only: switch the address match on or off for the college (Jw 7.1.2.3(1)(d)). Off, no new address match is made; the open ones run their course',
  })
  @IsOptional()
  @IsBoolean()
  addressMatch?: boolean;
}
