import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { IsDateTime } from '@vir/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditEventsParams {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Events about this object (registration, signal, match, organisation, …)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'objectId must be a UUID' })
  objectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorOrganisationId must be a UUID' })
  actorOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorCredentialId must be a UUID' })
  actorCredentialId?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: 35 })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: 35 })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @IsDateTime()
  to?: string;

  @ApiPropertyOptional({ maxLength: 18, pattern: '^[1-9][0-9]{0,17}$', description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'cursor is not one this service handed out' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
}

export class AuditEventView {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'registration.created' }) action: string;
  @ApiProperty() objectType: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) objectId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorCredentialId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorOrganisationId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorProfessionalId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids and codes only' }) details: Record<
    string,
    unknown
  >;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty({ description: 'Already part of the hash chain' }) sealed: boolean;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ListAuditEventsQuery {
  constructor(
    readonly principal: Principal,
    readonly params: AuditEventsParams,
  ) {}
}
