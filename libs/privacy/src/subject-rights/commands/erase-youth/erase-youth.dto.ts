import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { SubjectAccessDto } from '../../queries/answer-subject-access/answer-subject-access.query';

export class SubjectErasureDto extends SubjectAccessDto {
  @ApiPropertyOptional({
    enum: ['erasure', 'objection'],
    default: 'erasure',
    description: 'AVG 17 (erasure) or AVG 21 (objection); decided by the college',
  })
  @IsOptional()
  @IsIn(['erasure', 'objection'])
  ground: 'erasure' | 'objection' = 'erasure';

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description: 'Only these registrations; without it every registration and archive entry of the youth',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'registrationIds must be UUIDs' })
  registrationIds?: string[];
}
