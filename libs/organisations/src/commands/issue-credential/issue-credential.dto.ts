import { IsNotBlank } from '@vir/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISSUABLE_SCOPES, Scope } from '@vir/auth';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export class IssueCredentialDto {
  @ApiProperty({ enum: ISSUABLE_SCOPES, isArray: true, maxItems: ISSUABLE_SCOPES.length, example: ['registrations'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ISSUABLE_SCOPES.length)
  @ArrayUnique()
  @IsIn(ISSUABLE_SCOPES, { each: true })
  scopes: Scope[];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    description: 'Where this credential is used, e.g. "Zorgdossier productie".',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  label?: string;
}
