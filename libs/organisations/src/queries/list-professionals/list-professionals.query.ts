import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { PageQueryDto } from '@vir/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PROFESSIONAL_ROLES } from '../../entities/professional.entity';
import type { ProfessionalRole } from '../../entities/professional.entity';

export class ListProfessionalsParams extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROFESSIONAL_ROLES })
  @IsOptional()
  @IsIn(PROFESSIONAL_ROLES)
  role?: ProfessionalRole;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class ListProfessionalsQuery {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly params: ListProfessionalsParams,
  ) {}
}
