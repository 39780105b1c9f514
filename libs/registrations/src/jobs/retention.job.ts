import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { DEFAULT_JOB_OPTIONS, QUEUES, QueueRegistry } from '@vir/queue';

/**
 * Queues the day's retention run every RETENTION_INTERVAL_MS under the job id `retention-<date>`,
 * so several workers, or a restart, still run it once a day; the run itself is idempotent.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.schedule().catch(() => undefined);
    this.timer = setInterval(() => void this.schedule().catch(() => undefined), this.config.RETENTION_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async schedule(): Promise<void> {
    const today = todayInAmsterdam(this.clock.now());
    await this.queues.get(QUEUES.lifecycle).add('retention', {}, { ...DEFAULT_JOB_OPTIONS, jobId: `retention-${today}` });
  }
}
