import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProfessionalRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId: string;
}
