import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { Clock, IsoDate, systemActor, todayInAmsterdam } from '@vir/common';
import { rows, sql } from '@vir/database';
import { organisationFacts } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { REGISTRATION_REFERENCES, RegistrationReference, TOMBSTONE_TERM_MONTHS } from './registration-references';
import { RegistrationRemoval } from './registration-removal';

export interface RetentionReport {
  today: IsoDate;
  expired: number;
  removedAt23: number;
  archiveEntriesDestroyed: number;
  tombstonesDestroyed: number;
}

const BATCH = 500;

/**
 * The retention rules of Jw 7.1.4.5 and 7.1.4.6, applied for one day:
 * - a registration whose planned removal date has come is removed as `expired` (archived); one whose
 *   youth has turned 23 is removed as `age_23` (nothing archived), also when a run was missed;
 * - archive entries are destroyed on their destroy date (five years, or the 23rd birthday if sooner);
 * - tombstones are deleted two years after their registration ended, once nothing derived from
 *   them remains (matching's retention removes their places in matches and the signals they triggered).
 * Idempotent: a second run on the same day finds nothing left to do.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly removal: RegistrationRemoval,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(REGISTRATION_REFERENCES) private readonly references: RegistrationReference[],
  ) {}

  async run(correlationId?: string | null): Promise<RetentionReport> {
    const today = todayInAmsterdam(this.clock.now());
    const actor = systemActor(correlationId ?? undefined);
    const report: RetentionReport = {
      today,
      expired: 0,
      removedAt23: 0,
      archiveEntriesDestroyed: 0,
      tombstonesDestroyed: 0,
    };

    for (;;) {
      const removed = await this.dataSource.transaction(async (manager) => {
        const due: { id: string; at_23: boolean }[] = await manager.query(
          `SELECT id, age_limit_date <= $1 AS at_23 FROM registrations
            WHERE status = 'active' AND (planned_removal_date <= $1 OR age_limit_date <= $1)
            ORDER BY planned_removal_date, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [today, BATCH],
        );
        const at23 = due.filter((r) => r.at_23).map((r) => r.id);
        const expired = due.filter((r) => !r.at_23).map((r) => r.id);
        report.removedAt23 += await this.removal.remove(manager, at23, 'age_23', actor);
        report.expired += await this.removal.remove(manager, expired, 'expired', actor);
        return due.length;
      });
      if (removed < BATCH) break;
    }

    for (;;) {
      const destroyed = await this.dataSource.transaction(async (manager) => {
        const gone = await rows<{ id: string; municipality_code: string }>(
          manager,
          sql`WITH gone AS (
             DELETE FROM archive_entries
              WHERE id IN (SELECT id FROM archive_entries WHERE destroy_at <= ${today}::date ORDER BY destroy_at LIMIT ${BATCH})
             RETURNING id, organisation_id)
           SELECT g.id, o.municipality_code FROM gone g JOIN ${organisationFacts()} o ON o.id = g.organisation_id`,
        );
        if (gone.length > 0) {
          await this.audit.recordMany(
            manager,
            gone.map((row) => ({
              action: 'archive-entry.destroyed',
              objectType: 'archive_entry',
              objectId: row.id,
              actor,
              municipalityCode: row.municipality_code,
            })),
          );
        }
        return gone.length;
      });
      report.archiveEntriesDestroyed += destroyed;
      if (destroyed < BATCH) break;
    }

    for (;;) {
      const gone = await rows<{ id: string }>(
        this.dataSource,
        sql`DELETE FROM registrations WHERE id IN (
           SELECT r.id FROM registrations r
            WHERE r.status <> 'active' AND r.removed_at < ${today}::date - make_interval(months => ${TOMBSTONE_TERM_MONTHS})
              ${sql.join(
                this.references.map((referenced) => sql`AND NOT ${referenced(sql`r.id`)}`),
                ' ',
              )}
            ORDER BY r.created_at LIMIT ${BATCH})
         RETURNING id`,
      );
      report.tombstonesDestroyed += gone.length;
      if (gone.length < BATCH) break;
    }
    if (report.tombstonesDestroyed > 0) {
      await this.audit.record(this.dataSource.manager, {
        action: 'registration-tombstones.destroyed',
        objectType: 'registration',
        actor,
        municipalityCode: null,
        details: { count: report.tombstonesDestroyed },
      });
    }
    this.logger.log({ ...report }, 'retention run');
    return report;
  }
}
