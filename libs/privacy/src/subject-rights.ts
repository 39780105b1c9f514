import { Body, Controller, HttpCode, Injectable, Module, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { ApiProblems, Clock, RuleViolationError, todayInAmsterdam } from '@vir/common';
import { YouthDto, YouthField, youthIdentifier, YouthKeyService } from '@vir/pseudonymisation';
import { informTarget, RegistrationRemoval } from '@vir/registrations';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';

export class SubjectAccessDto {
  @YouthField()
  youth: YouthDto;
}

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

export class SubjectRegistrationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() organisation: string;
  @ApiProperty() professional: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date' }) plannedRemovalDate: string;
  @ApiProperty() status: string;
}
export class SubjectArchiveView {
  @ApiProperty() organisation: string;
  @ApiProperty() professional: string;
  @ApiProperty({ format: 'date-time' }) archivedAt: string;
  @ApiProperty({ format: 'date' }) destroyAt: string;
}
export class SubjectSignalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'Organisation of the recipient' }) recipientOrganisation: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
export class SubjectAccessView {
  @ApiProperty({
    enum: ['legal_representative', 'youth_and_legal_representative', 'youth'],
    description:
      'Who must file the request, by age (Jw 7.1.5.1(2)): under 12 the legal representative, 12–15 jointly, 16+ the youth',
  })
  requestedBy: string;
  @ApiProperty({ type: [SubjectRegistrationView] }) registrations: SubjectRegistrationView[];
  @ApiProperty({ type: [SubjectArchiveView] }) archiveEntries: SubjectArchiveView[];
  @ApiProperty({ type: [SubjectSignalView] }) signals: SubjectSignalView[];
}
export class SubjectErasureView {
  @ApiProperty() registrationsRemoved: number;
  @ApiProperty() archiveEntriesDestroyed: number;
}

/**
 * The rights of the young person (Jw 7.1.2.3(1)(i), 7.1.5.1, 7.1.5.2; AVG 15, 17, 21). The college
 * decides, so these are administrator actions; the answer concerns only the youth asked about, and
 * only what the college is the controller of (Jw 7.1.2.2(3)): registrations and archive entries of
 * the organisations whose agreement is with it, and the signals to those organisations' people.
 * Another college's registrations of the same youth answer as if they did not exist.
 */
@Injectable()
export class SubjectRights {
  constructor(
    private readonly dataSource: DataSource,
    private readonly youthKeys: YouthKeyService,
    private readonly removal: RegistrationRemoval,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async access(principal: Principal, youth: YouthDto): Promise<SubjectAccessView> {
    const keys = this.youthKeys.allKeys(youthIdentifier(youth));
    const iso = (value: Date) => new Date(value).toISOString();
    const registrations: {
      id: string;
      organisation: string;
      professional: string;
      created_at: Date;
      planned_removal_date: string;
      status: string;
    }[] = await this.dataSource.query(
      `SELECT r.id, o.name AS organisation, p.name AS professional, r.created_at, r.planned_removal_date::text, r.status
           FROM registrations r JOIN organisations o ON o.id = r.organisation_id JOIN professionals p ON p.id = r.professional_id
          WHERE r.youth_key = ANY($1) AND o.municipality_code = $2 ORDER BY r.created_at`,
      [keys, principal.municipalityCode],
    );
    const archive: { organisation: string; professional: string; archived_at: Date; destroy_at: string }[] =
      await this.dataSource.query(
        `SELECT o.name AS organisation, p.name AS professional, a.archived_at, a.destroy_at::text
         FROM archive_entries a JOIN organisations o ON o.id = a.organisation_id JOIN professionals p ON p.id = a.professional_id
        WHERE a.youth_key = ANY($1) AND o.municipality_code = $2 ORDER BY a.archived_at`,
        [keys, principal.municipalityCode],
      );
    const ids = registrations.map((r) => r.id);
    const signals: { id: string; kind: string; organisation: string; created_at: Date }[] = ids.length
      ? await this.dataSource.query(
          `SELECT s.id, s.kind, o.name AS organisation, s.created_at FROM signals s JOIN organisations o ON o.id = s.recipient_organisation_id
            WHERE o.municipality_code = $2
              AND (s.trigger_registration_id = ANY($1) OR s.match_id IN (SELECT match_id FROM match_participants WHERE registration_id = ANY($1)))
            ORDER BY s.created_at, s.id`,
          [ids, principal.municipalityCode],
        )
      : [];
    await this.audit.record(this.dataSource.manager, {
      action: 'subject-access.answered',
      objectType: 'subject-request',
      actor: actorOf(principal),
      details: { registrations: registrations.length, archiveEntries: archive.length, signals: signals.length },
    });
    return {
      requestedBy: informTarget(youth.birthDate, todayInAmsterdam(this.clock.now())),
      registrations: registrations.map((r) => ({
        id: r.id,
        organisation: r.organisation,
        professional: r.professional,
        createdAt: iso(r.created_at),
        plannedRemovalDate: r.planned_removal_date,
        status: r.status,
      })),
      archiveEntries: archive.map((a) => ({
        organisation: a.organisation,
        professional: a.professional,
        archivedAt: iso(a.archived_at),
        destroyAt: a.destroy_at,
      })),
      signals: signals.map((s) => ({
        id: s.id,
        kind: s.kind,
        recipientOrganisation: s.organisation,
        createdAt: iso(s.created_at),
      })),
    };
  }

  /** Erasure or objection: the registrations end without archiving; without a selection the archive goes too. */
  async erase(principal: Principal, input: SubjectErasureDto): Promise<SubjectErasureView> {
    const keys = this.youthKeys.allKeys(youthIdentifier(input.youth));
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      if (input.registrationIds) {
        const active = await this.removal.activeOfYouth(manager, keys, principal.municipalityCode);
        if (input.registrationIds.some((id) => !active.includes(id))) {
          throw new RuleViolationError(
            'REGISTRATION_NOT_OF_THIS_YOUTH',
            'Not a registration of this youth',
            "Every registrationId must be an active registration of the youth named, at one of your college's organisations.",
            'registrationIds',
          );
        }
      }
      const removed = await this.removal.removeYouth(
        manager,
        keys,
        input.ground,
        actor,
        principal.municipalityCode,
        input.registrationIds,
      );
      await this.audit.record(manager, {
        action: 'subject-erasure.carried-out',
        objectType: 'subject-request',
        actor,
        details: { ground: input.ground, ...removed },
      });
      return removed;
    });
  }
}

@ApiTags('Administratie: rechten van betrokkenen')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller()
export class SubjectRightsController {
  constructor(private readonly rights: SubjectRights) {}

  @Post('subject-access-requests')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What the index holds about one youth: registrations, archive entries, signals (AVG 15, Jw 7.1.2.3(1)(i))',
  })
  @ApiOkResponse({ type: SubjectAccessView })
  @ApiProblems(413, 422)
  access(@CurrentPrincipal() principal: Principal, @Body() body: SubjectAccessDto): Promise<SubjectAccessView> {
    return this.rights.access(principal, body.youth);
  }

  @Post('subject-erasures')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erasure or objection decided by the college: remove without archiving (AVG 17, 21)' })
  @ApiOkResponse({ type: SubjectErasureView })
  @ApiProblems(413, 422)
  erase(@CurrentPrincipal() principal: Principal, @Body() body: SubjectErasureDto): Promise<SubjectErasureView> {
    return this.rights.erase(principal, body);
  }
}

@Module({ controllers: [SubjectRightsController], providers: [SubjectRights, RegistrationRemoval] })
export class SubjectRightsModule {}
