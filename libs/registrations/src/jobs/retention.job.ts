import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { Metrics, ScheduledTask } from '@vir/observability';
import { jobOptions, QUEUES, QueueRegistry } from '@vir/queue';

/**
 * Queues the day's retention run every RETENTION_INTERVAL_MS under the job id `retention-<date>`,
 * so several workers, or a restart, still run it once a day; the run itself is idempotent.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: ScheduledTask;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    this.task = new ScheduledTask('retention-schedule', () => this.schedule(), metrics);
  }

  onApplicationBootstrap(): void {
    this.task.start(this.config.RETENTION_INTERVAL_MS, { immediately: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async schedule(): Promise<void> {
    const today = todayInAmsterdam(this.clock.now());
    await this.queues
      .get(QUEUES.lifecycle)
      .add('retention', {}, { ...jobOptions(this.config), jobId: `retention-${today}` });
  }
}
