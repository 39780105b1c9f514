import { IsNotBlank } from '@vir/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCOPES, Scope } from '@vir/auth';
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
  @ApiProperty({ enum: SCOPES, isArray: true, maxItems: SCOPES.length, example: ['registrations'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCOPES.length)
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
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
