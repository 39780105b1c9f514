import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { Metrics, ScheduledTask } from '@vir/observability';
import { DataSource, EntityManager } from 'typeorm';

const BATCH = 500;
/** A tombstone is kept two years after its registration ended (registrations' retention deletes it then). */
export const TOMBSTONE_TERM_MONTHS = 24;

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
export class MatchRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchRetention.name);
  private readonly task: ScheduledTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    this.task = new ScheduledTask('match-retention', () => this.run(), metrics);
  }

  onApplicationBootstrap(): void {
    this.task.start(this.config.RETENTION_INTERVAL_MS, { immediately: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
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
    for (;;) {
      const rows = await this.dataSource.transaction(async (manager) => {
        const ids: { id: string }[] = await manager.query(
          `SELECT id FROM signals WHERE kind = 'archive' AND created_at < $1::timestamptz - make_interval(days => $2) ORDER BY created_at LIMIT $3`,
          [now, this.config.CLOSED_MATCH_RETENTION_DAYS, BATCH],
        );
        return this.destroySignals(
          manager,
          ids.map((r) => r.id),
        );
      });
      report.archiveSignalsDestroyed += rows;
      if (rows < BATCH) break;
    }
    for (;;) {
      const links = await this.dataSource.transaction(async (manager) => {
        const tombstones: { id: string }[] = await manager.query(
          `SELECT r.id FROM registrations r
            WHERE r.status <> 'active' AND r.removed_at < $1::timestamptz - make_interval(months => $2)
              AND (EXISTS (SELECT 1 FROM match_participants mp WHERE mp.registration_id = r.id)
                   OR EXISTS (SELECT 1 FROM signals s WHERE s.trigger_registration_id = r.id))
            ORDER BY r.created_at LIMIT $3`,
          [now, TOMBSTONE_TERM_MONTHS, BATCH],
        );
        const ids = tombstones.map((t) => t.id);
        if (ids.length === 0) return 0;
        const signals: { id: string }[] = await manager.query(
          `SELECT id FROM signals WHERE trigger_registration_id = ANY($1)`,
          [ids],
        );
        await this.destroySignals(
          manager,
          signals.map((s) => s.id),
        );
        await manager.query(`DELETE FROM match_participants WHERE registration_id = ANY($1) AND left_at IS NOT NULL`, [
          ids,
        ]);
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
    const matches: { id: string; municipality_code: string | null }[] = await manager.query(
      `SELECT id, municipality_code FROM matches WHERE status = 'closed' AND closed_at < $1::timestamptz - make_interval(days => $2)
        ORDER BY closed_at LIMIT $3 FOR UPDATE`,
      [now, this.config.CLOSED_MATCH_RETENTION_DAYS, BATCH],
    );
    if (matches.length === 0) return 0;
    const ids = matches.map((m) => m.id);
    const signals: { id: string }[] = await manager.query(`SELECT id FROM signals WHERE match_id = ANY($1)`, [ids]);
    await this.destroySignals(
      manager,
      signals.map((s) => s.id),
    );
    await manager.query(`DELETE FROM match_participants WHERE match_id = ANY($1)`, [ids]);
    await manager.query(`DELETE FROM matches WHERE id = ANY($1)`, [ids]);
    await this.audit.recordMany(
      manager,
      matches.map((m) => ({
        action: 'match.destroyed' as const,
        objectType: 'match',
        objectId: m.id,
        actor: {},
        municipalityCode: m.municipality_code,
        details: { reason: 'retention', signals: signals.length },
      })),
    );
    return matches.length;
  }

  private async destroySignals(manager: EntityManager, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    await manager.query(`DELETE FROM signal_deliveries WHERE signal_id = ANY($1)`, [ids]);
    await manager.query(`DELETE FROM signals WHERE id = ANY($1)`, [ids]);
    return ids.length;
  }
}
