import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { IsIn, IsOptional } from 'class-validator';
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from '../../entities/organisation.entity';
import type { OrganisationKind, OrganisationStatus } from '../../entities/organisation.entity';

export class ListOrganisationsParams extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ enum: ORGANISATION_STATUSES })
  @IsOptional()
  @IsIn(ORGANISATION_STATUSES)
  status?: OrganisationStatus;
}

export class ListOrganisationsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: ListOrganisationsParams,
  ) {}
}
