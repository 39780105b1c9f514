import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { DEFAULT_JOB_OPTIONS, QueueRegistry, ROUTES } from '@vir/queue';
import { DataSource } from 'typeorm';

/**
 * The safety net under the outbox: a registration that no match job has handled a while after it
 * was made (its job was lost, e.g. with a Redis restart without persistence) is queued again
 * under its deterministic job id. Harmless when the job still exists or already ran.
 */
@Injectable()
export class MatchReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchReconciler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.config.RECONCILE_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many registrations were queued again. */
  async sweep(olderThanMs = this.config.RECONCILE_INTERVAL_MS): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM registrations
        WHERE status = 'active' AND match_checked_at IS NULL AND created_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY created_at LIMIT 5000`,
      [olderThanMs],
    );
    if (rows.length === 0) return 0;
    const route = ROUTES['registration.created'];
    await this.queues.get(route.queue).addBulk(
      rows.map((row) => ({
        name: route.job,
        data: { registrationId: row.id, correlationId: null },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: route.jobId({ registrationId: row.id }) },
      })),
    );
    this.logger.warn({ requeued: rows.length }, 'registrations without a match check were queued again');
    return rows.length;
  }
}
