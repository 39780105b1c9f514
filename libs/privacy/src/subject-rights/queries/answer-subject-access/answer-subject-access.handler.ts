import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, todayInAmsterdam } from '@vir/common';
import { youthIdentifier, YouthKeyService } from '@vir/pseudonymisation';
import { heldAboutYouth, informTarget } from '@vir/registrations';
import { rows, sql } from '@vir/database';
import { matchesOfRegistrations } from '@vir/matching';
import { organisationFacts, organisationsOfCollege } from '@vir/organisations';
import { signalsAboutRegistrations } from '@vir/signals';
import { DataSource } from 'typeorm';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SubjectAccessView } from '../../subject-rights.view';
import { AnswerSubjectAccessQuery } from './answer-subject-access.query';

/**
 * The rights of the young person (Jw 7.1.2.3(1)(i), 7.1.5.1, 7.1.5.2; AVG 15, 17, 21). The college
 * decides, so these are administrator actions; the answer concerns only the youth asked about, and
 * only what the college is the controller of (Jw 7.1.2.2(3)): registrations and archive entries of
 * the organisations whose agreement is with it, and the signals to those organisations' people.
 * Another college's registrations of the same youth answer as if they did not exist.
 */
@QueryHandler(AnswerSubjectAccessQuery)
export class AnswerSubjectAccessHandler implements IQueryHandler<AnswerSubjectAccessQuery, SubjectAccessView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly youthKeys: YouthKeyService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, youth }: AnswerSubjectAccessQuery): Promise<SubjectAccessView> {
    const keys = this.youthKeys.allKeys(youthIdentifier(youth));
    const iso = (value: Date) => new Date(value).toISOString();
    const { registrations, archiveEntries: archive } = await heldAboutYouth(
      this.dataSource,
      keys,
      principal.municipalityCode,
    );
    const ids = registrations.map((r) => r.id);
    const signals = ids.length
      ? await rows<{ id: string; kind: string; organisation: string; created_at: Date }>(
          this.dataSource,
          sql`SELECT s.id, s.kind, o.name AS organisation, s.created_at
                FROM (${signalsAboutRegistrations(
                  ids,
                  matchesOfRegistrations(ids),
                  organisationsOfCollege(principal.municipalityCode),
                )}) s JOIN ${organisationFacts()} o ON o.id = s.recipient_organisation_id
               ORDER BY s.created_at, s.id`,
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
}
