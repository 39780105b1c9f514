import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsNotBlank } from '@vir/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REQUEST_KINDS, REQUESTERS } from '../../subject-request-rules';
import type { RequestKind, Requester } from '../../subject-request-rules';

export class RecordSubjectRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind: RequestKind;

  @ApiProperty({ format: 'date', description: 'The day the written request arrived; not in the future' })
  @IsString()
  @IsCalendarDate()
  receivedOn: string;

  @ApiProperty({ enum: REQUESTERS })
  @IsIn(REQUESTERS)
  requestedBy: Requester;

  @ApiProperty({
    format: 'date',
    description: "The youth's birth date, to check who may file the request; not stored",
  })
  @IsString()
  @IsCalendarDate()
  youthBirthDate: string;

  @ApiPropertyOptional({
    description: "The college's own reference; default VZ-<date>-<n>",
    maxLength: 40,
    example: 'VZ-2026-031',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(40)
  @Matches(/^[\p{L}\p{N} ._/-]+$/u, { message: 'reference may hold letters, digits, spaces and . _ / -' })
  reference?: string;
}
