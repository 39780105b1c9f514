import { Body, Controller, Get, Injectable, Module, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { ApiProblems, IsDateTime, IsNotBlank, isUuid, NotFoundError, ValidationFailedError } from '@vir/common';
import { AppConfig } from '@vir/config';
import { JobHandler, JobProcessor, OutboxWriter, QUEUES } from '@vir/queue';
import { isPermanentMailFailure, Mailer, SignalsJobsModule } from '@vir/signals';
import { UnrecoverableError } from 'bullmq';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';

const present = (_: unknown, value: unknown) => value !== undefined;

/** A breach report: the summary is what every partner's breach desk receives, so it must say something. */
export class ReportIncidentDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    example: 'DL-2026-014',
    description: 'Your reference; one is made when left out',
  })
  @ValidateIf(present)
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 35,
    description: 'When it happened or was discovered; now when left out',
  })
  @ValidateIf(present)
  @IsString()
  @MaxLength(35)
  @IsDateTime()
  occurredAt?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 2000,
    description:
      'What happened and what is being done (required, or as `description`). Never personal data of a youth.',
  })
  @ValidateIf((dto: ReportIncidentDto) => dto.description === undefined || dto.summary !== undefined)
  @IsString({ message: 'summary is required: say what happened and what is being done' })
  @IsNotBlank()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Another name for summary; give one of the two' })
  @ValidateIf(present)
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  description?: string;
}

export class IncidentNotificationView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ['pending', 'notified', 'failed', 'dead'] }) status: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) notifiedAt: string | null;
}

export class IncidentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [IncidentNotificationView] }) notifications: IncidentNotificationView[];
}

const incidentNotFound = () => new NotFoundError('INCIDENT_NOT_FOUND', 'Incident');

/** Data-breach notification to every connected organisation of the college (privacy protocol art. 8). */
@Injectable()
export class Incidents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
  ) {}

  async report(principal: Principal, input: ReportIncidentDto): Promise<IncidentView> {
    if (input.summary !== undefined && input.description !== undefined) {
      throw new ValidationFailedError([{ field: 'description', reason: 'give summary or description, not both' }]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const [incident]: { id: string }[] = await manager.query(
        `INSERT INTO incidents (reference, occurred_at, summary, municipality_code, reported_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          input.reference?.trim() ?? `INC-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`,
          input.occurredAt ?? new Date().toISOString(),
          (input.summary ?? input.description ?? '').trim(),
          principal.municipalityCode,
          principal.credentialId,
        ],
      );
      const recipients: { organisation_id: string }[] = await manager.query(
        `INSERT INTO incident_notifications (incident_id, organisation_id, email)
         SELECT $1, id, breach_notification_email FROM organisations
          WHERE municipality_code = $2 AND status = 'connected' AND breach_notification_email IS NOT NULL
         RETURNING organisation_id`,
        [incident.id, principal.municipalityCode],
      );
      for (const recipient of recipients) {
        await this.outbox.add(
          manager,
          'incident.notification',
          { incidentId: incident.id, organisationId: recipient.organisation_id },
          principal.correlationId,
        );
      }
      await this.audit.record(manager, {
        action: 'incident.reported',
        objectType: 'incident',
        objectId: incident.id,
        actor: actorOf(principal),
        details: { organisationsToNotify: recipients.length },
      });
      return incident.id;
    });
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string): Promise<IncidentView> {
    const [incident]: { id: string; reference: string; occurred_at: Date; reported_at: Date; summary: string }[] =
      isUuid(id)
        ? await this.dataSource.query(
            `SELECT id, reference, occurred_at, reported_at, summary FROM incidents WHERE id = $1 AND municipality_code = $2`,
            [id, principal.municipalityCode],
          )
        : [];
    if (!incident) throw incidentNotFound();
    const notifications: {
      organisation_id: string;
      name: string;
      email: string;
      status: string;
      notified_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT n.organisation_id, o.name, n.email, n.status, n.notified_at FROM incident_notifications n JOIN organisations o ON o.id = n.organisation_id
        WHERE n.incident_id = $1 ORDER BY o.name`,
      [id],
    );
    return {
      id: incident.id,
      reference: incident.reference,
      occurredAt: new Date(incident.occurred_at).toISOString(),
      reportedAt: new Date(incident.reported_at).toISOString(),
      summary: incident.summary,
      notifications: notifications.map((n) => ({
        organisationId: n.organisation_id,
        organisation: n.name,
        email: n.email,
        status: n.status,
        notifiedAt: n.notified_at ? new Date(n.notified_at).toISOString() : null,
      })),
    };
  }
}

/** Worker: e-mails one organisation's breach address and records when. */
@Injectable()
export class IncidentNotifier extends JobProcessor {
  readonly queue = QUEUES.notifications;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  readonly handlers: Record<string, JobHandler> = {
    'notify-incident': async (data, job) => {
      const [row]: {
        email: string;
        status: string;
        reference: string;
        occurred_at: Date;
        summary: string;
        name: string;
        municipality_code: string;
      }[] = await this.dataSource.query(
        `SELECT n.email, n.status, i.reference, i.occurred_at, i.summary, o.name, i.municipality_code FROM incident_notifications n
           JOIN incidents i ON i.id = n.incident_id JOIN organisations o ON o.id = n.organisation_id
          WHERE n.incident_id = $1 AND n.organisation_id = $2`,
        [data.incidentId, data.organisationId],
      );
      if (!row) throw new UnrecoverableError('no such incident notification');
      if (row.status === 'notified') return 'already-notified';
      try {
        await this.mailer.send({
          to: row.email,
          subject: `Melding beveiligingsincident verwijsindex (${row.reference})`,
          text: [
            `Aan: ${row.name}`,
            '',
            'Op grond van artikel 8 van het privacyprotocol van het convenant melden wij een beveiligingsincident in de verwijsindex risicojongeren.',
            `Kenmerk: ${row.reference}`,
            `Ontdekt/voorgevallen op: ${new Date(row.occurred_at).toISOString()}`,
            '',
            row.summary,
            '',
            `Neem voor vragen contact op met de beheerder van de verwijsindex (${this.config.VIR_MUNICIPALITY_NAME}).`,
          ].join('\n'),
          messageId: `<incident-${String(data.incidentId)}-${String(data.organisationId)}@verwijsindex>`,
        });
      } catch (error) {
        const final = isPermanentMailFailure(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        await this.dataSource.query(
          `UPDATE incident_notifications SET status = $3, attempts = attempts + 1, last_error = $4 WHERE incident_id = $1 AND organisation_id = $2`,
          [
            data.incidentId,
            data.organisationId,
            final ? 'dead' : 'failed',
            String((error as Error).message).slice(0, 300),
          ],
        );
        if (isPermanentMailFailure(error))
          throw new UnrecoverableError('the breach address was refused by the mail server');
        throw error;
      }
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE incident_notifications SET status = 'notified', attempts = attempts + 1, notified_at = now(), last_error = NULL
            WHERE incident_id = $1 AND organisation_id = $2`,
          [data.incidentId, data.organisationId],
        );
        await this.audit.record(manager, {
          action: 'incident.organisation-notified',
          objectType: 'incident',
          objectId: String(data.incidentId),
          actor: { correlationId: data.correlationId ?? undefined },
          municipalityCode: row.municipality_code,
          details: { organisationId: String(data.organisationId) },
        });
      });
      return 'notified';
    },
  };
}

@ApiTags('Administratie: beveiligingsincidenten')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: Incidents) {}

  @Post()
  @ApiOperation({
    summary:
      "Report a data breach: every connected organisation's breach address is e-mailed (privacy protocol art. 8)",
  })
  @ApiCreatedResponse({ type: IncidentView })
  @ApiProblems(413)
  report(@CurrentPrincipal() principal: Principal, @Body() body: ReportIncidentDto): Promise<IncidentView> {
    return this.incidents.report(principal, body);
  }

  @Get(':incidentId')
  @ApiOperation({
    summary: 'An incident with the time each organisation was notified (to show the 24-hour duty was met)',
  })
  @ApiOkResponse({ type: IncidentView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('incidentId') id: string): Promise<IncidentView> {
    return this.incidents.get(principal, id);
  }
}

@Module({ controllers: [IncidentsController], providers: [Incidents] })
export class IncidentsModule {}

/** Worker side of incident notification; shares the worker's one SMTP transport with signal delivery. */
@Module({ imports: [SignalsJobsModule], providers: [IncidentNotifier] })
export class IncidentNotificationsJobsModule {}
