import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, IsDateTime } from '@vir/common';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

const present = (_: unknown, value: unknown) => value !== undefined;

/** A breach report: the summary is what every partner's breach desk receives, so it must say something. */
export class ReportIncidentDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    example: 'DL-2026-014',
    description: 'Your reference; one is made when left out',
  })
  @ValidateIf(present)
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 35,
    description: 'When it happened or was discovered; now when left out',
  })
  @ValidateIf(present)
  @IsString()
  @MaxLength(35)
  @IsDateTime()
  occurredAt?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 2000,
    description:
      'What happened and what is being done (required, or as `description`). Never personal data of a youth.',
  })
  @ValidateIf((dto: ReportIncidentDto) => dto.description === undefined || dto.summary !== undefined)
  @IsString({ message: 'summary is required: say what happened and what is being done' })
  @IsNotBlank()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Another name for summary; give one of the two' })
  @ValidateIf(present)
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  description?: string;
}
