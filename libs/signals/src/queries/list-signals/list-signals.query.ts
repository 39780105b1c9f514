import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SIGNAL_STATUSES } from '../../signal-view';
import type { SignalStatus } from '../../signal-view';

export class ListSignalsParams extends PageQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_STATUSES })
  @IsOptional()
  @IsIn(SIGNAL_STATUSES)
  status?: SignalStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only signals addressed to this person of your organisation' })
  @IsOptional()
  @IsUUID('all', { message: 'professionalId must be a UUID' })
  professionalId?: string;
}

export class ListSignalsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ListSignalsParams,
  ) {}
}
