import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class DeactivateProfessionalQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The professional (or the coordinator) of the same organisation who takes over the leaver's active registrations, places in open matches and follow-up; required when the leaver holds any",
  })
  @IsOptional()
  @IsUUID()
  successorId?: string;
}
