import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@vir/common';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/** An update every partner receives (privacy protocol 8.3): what is new, what was done to limit and prevent it. */
export class AddIncidentUpdateDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description: 'What is new and which measures were taken. Never personal data of a youth.',
  })
  @IsString({ message: 'summary is required: say what is new and what was done' })
  @IsNotBlank()
  @MaxLength(2000)
  summary: string;

  @ApiPropertyOptional({ default: false, description: 'This update closes the incident: no update follows' })
  @IsOptional()
  @IsBoolean()
  closes?: boolean;
}
