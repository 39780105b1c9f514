import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { ScheduledWorker } from '@vir/queue';
import { rows, sql } from '@vir/database';
import { takesPartInAMatch } from '../match-fragments';
import { TOMBSTONE_TERM_MONTHS, tombstonesEndedBefore } from '@vir/registrations';
import {
  archiveSignalsMadeBefore,
  destroySignals,
  signalsOfMatches,
  signalsTriggeredBy,
  triggeredASignal,
} from '@vir/signals';
import { DataSource, EntityManager } from 'typeorm';

const BATCH = 500;

export interface MatchRetentionReport {
  matchesDestroyed: number;
  archiveSignalsDestroyed: number;
  tombstoneLinksDestroyed: number;
}

/**
 * How long what matching derives is kept, never longer than what it derives from:
 * - a closed match, its participants and all its signals (with their deliveries) are destroyed
 *   CLOSED_MATCH_RETENTION_DAYS after it closed — long enough for the follow-up check and the month's
 *   statistics, while the registrations it came from have ended;
 * - an archive signal (it names archived registrations) likewise CLOSED_MATCH_RETENTION_DAYS after it was made;
 * - once a registration's tombstone reaches its term (two years after the registration ended), its left places
 *   in open matches and the signals it triggered go, so the tombstone itself can go (registrations'
 *   retention run deletes it).
 * Runs every RETENTION_INTERVAL_MS in the worker; idempotent.
 */
@Injectable()
export class MatchRetention extends ScheduledWorker {
  readonly schedules = {
    'match-retention': () => this.run(),
  };

  private readonly logger = new Logger(MatchRetention.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<MatchRetentionReport> {
    const now = this.clock.now();
    const report: MatchRetentionReport = {
      matchesDestroyed: 0,
      archiveSignalsDestroyed: 0,
      tombstoneLinksDestroyed: 0,
    };
    for (;;) {
      const destroyed = await this.dataSource.transaction((manager) => this.destroyClosedMatches(manager, now));
      report.matchesDestroyed += destroyed;
      if (destroyed < BATCH) break;
    }
    const signalCutoff = sql`${now}::timestamptz - make_interval(days => ${this.config.CLOSED_MATCH_RETENTION_DAYS})`;
    for (;;) {
      const destroyed = await this.dataSource.transaction((manager) =>
        destroySignals(manager, archiveSignalsMadeBefore(signalCutoff, BATCH)),
      );
      report.archiveSignalsDestroyed += destroyed;
      if (destroyed < BATCH) break;
    }
    const tombstoneCutoff = sql`${now}::timestamptz - make_interval(months => ${TOMBSTONE_TERM_MONTHS})`;
    for (;;) {
      const links = await this.dataSource.transaction(async (manager) => {
        const tombstones = await rows<{ id: string }>(
          manager,
          tombstonesEndedBefore(
            tombstoneCutoff,
            BATCH,
            (id) => sql`${takesPartInAMatch(id)} OR ${triggeredASignal(id)}`,
          ),
        );
        const ids = tombstones.map((t) => t.id);
        if (ids.length === 0) return 0;
        await destroySignals(manager, signalsTriggeredBy(ids));
        await rows(
          manager,
          sql`DELETE FROM match_participants WHERE registration_id = ANY(${ids}::uuid[]) AND left_at IS NOT NULL`,
        );
        return ids.length;
      });
      report.tombstoneLinksDestroyed += links;
      if (links < BATCH) break;
    }
    if (report.matchesDestroyed + report.archiveSignalsDestroyed + report.tombstoneLinksDestroyed > 0)
      this.logger.log({ ...report }, 'match retention run');
    return report;
  }

  private async destroyClosedMatches(manager: EntityManager, now: Date): Promise<number> {
    const matches = await rows<{ id: string; municipality_code: string | null }>(
      manager,
      sql`SELECT id, municipality_code FROM matches
           WHERE status = 'closed'
             AND closed_at < ${now}::timestamptz - make_interval(days => ${this.config.CLOSED_MATCH_RETENTION_DAYS})
           ORDER BY closed_at LIMIT ${BATCH} FOR UPDATE`,
    );
    if (matches.length === 0) return 0;
    const ids = matches.map((m) => m.id);
    const signals = await destroySignals(manager, signalsOfMatches(ids));
    await rows(manager, sql`DELETE FROM match_participants WHERE match_id = ANY(${ids}::uuid[])`);
    await rows(manager, sql`DELETE FROM matches WHERE id = ANY(${ids}::uuid[])`);
    await this.audit.recordMany(
      manager,
      matches.map((m) => ({
        action: 'match.destroyed' as const,
        objectType: 'match',
        objectId: m.id,
        actor: {},
        municipalityCode: m.municipality_code,
        details: { reason: 'retention', signals },
      })),
    );
    return matches.length;
  }
}
