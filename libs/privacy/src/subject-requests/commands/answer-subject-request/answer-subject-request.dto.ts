import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { SubjectAccessDto } from '../../../subject-rights/queries/answer-subject-access/answer-subject-access.query';
import { DECISIONS } from '../../subject-request-rules';
import type { Decision } from '../../subject-request-rules';

/** The youth is named again to answer (the register keeps no identifier), with the college's decision. */
export class AnswerSubjectRequestDto extends SubjectAccessDto {
  @ApiPropertyOptional({
    enum: DECISIONS,
    default: 'granted',
    description: 'partly_granted or refused where UAVG 41(1) requires it (covenant privacy protocol 4.5)',
  })
  @IsOptional()
  @IsIn(DECISIONS)
  decision: Decision = 'granted';

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description:
      'An erasure or objection partly granted: the registrations it removes (required then, refused otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'registrationIds must be UUIDs' })
  registrationIds?: string[];
}
