import { Controller, Get, Module, Query } from '@nestjs/common';
import { CqrsModule, IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@vir/auth';
import { ApiProblems, ValidationFailedError } from '@vir/common';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';

export class AuditEventsParams {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events about this object (registration, signal, match, organisation, …)' })
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

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ maxLength: 20, description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @Matches(/^\d+$/, { message: 'cursor is not one this service handed out' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
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
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) objectId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) actorCredentialId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) actorOrganisationId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) actorProfessionalId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids and codes only' }) details: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty({ description: 'Already part of the hash chain' }) sealed: boolean;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class ListAuditEventsQuery {
  constructor(readonly params: AuditEventsParams) {}
}

/** The audit log, newest first. It never holds a youth's identity, so administrators may read all of it. */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, AuditEventPage> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ params }: ListAuditEventsQuery): Promise<AuditEventPage> {
    if (params.from && params.to && params.from > params.to) throw new ValidationFailedError([{ field: 'to', reason: 'to must not be before from' }]);
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (params.objectId) add('object_id = ?', params.objectId);
    if (params.actorOrganisationId) add('actor_organisation_id = ?', params.actorOrganisationId);
    if (params.actorCredentialId) add('actor_credential_id = ?', params.actorCredentialId);
    if (params.from) add('occurred_at >= ?', params.from);
    if (params.to) add('occurred_at <= ?', params.to);
    if (params.cursor) add('id < ?', params.cursor);
    values.push(params.limit + 1);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, occurred_at, action, object_type, object_id, actor_credential_id, actor_organisation_id, actor_professional_id,
              details, correlation_id, EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = audit_events.id) AS sealed
         FROM audit_events ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, params.limit);
    return {
      items: page.map((r) => ({
        id: String(r.id),
        occurredAt: new Date(r.occurred_at as string).toISOString(),
        action: r.action as string,
        objectType: r.object_type as string,
        objectId: r.object_id as string | null,
        actorCredentialId: r.actor_credential_id as string | null,
        actorOrganisationId: r.actor_organisation_id as string | null,
        actorProfessionalId: r.actor_professional_id as string | null,
        details: r.details as Record<string, unknown>,
        correlationId: r.correlation_id as string | null,
        sealed: r.sealed as boolean,
      })),
      nextCursor: rows.length > params.limit ? String(page[page.length - 1].id) : null,
    };
  }
}

@ApiTags('Administratie: logboek')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The audit log (logboek, Jw 7.1.2.3(1)(f)): who registered, withdrew, received or read what, and when' })
  @ApiOkResponse({ type: AuditEventPage })
  @ApiProblems()
  list(@Query() params: AuditEventsParams): Promise<AuditEventPage> {
    return this.queries.execute(new ListAuditEventsQuery(params));
  }
}

/** The audit log's read API, for the api process. */
@Module({ imports: [CqrsModule], controllers: [AuditEventsController], providers: [ListAuditEventsHandler] })
export class AuditApiModule {}
