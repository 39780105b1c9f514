import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REGISTRATION_STATUSES } from '../../entities/registration.entity';
import type { RegistrationStatus } from '../../entities/registration.entity';

export class ListRegistrationsParams extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}

export class ListRegistrationsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ListRegistrationsParams,
  ) {}
}
