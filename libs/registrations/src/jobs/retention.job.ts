import { Injectable } from '@nestjs/common';
import { Clock, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { jobOptions, QueueRegistry, QUEUES, ScheduledWorker } from '@vir/queue';

/**
 * Queues the day's retention run every RETENTION_INTERVAL_MS under the job id `retention-<date>`,
 * so several workers, or a restart, still run it once a day; the run itself is idempotent.
 */
@Injectable()
export class RetentionScheduler extends ScheduledWorker {
  readonly schedules = {
    'retention-schedule': () => this.schedule(),
  };

  constructor(
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async schedule(): Promise<void> {
    const today = todayInAmsterdam(this.clock.now());
    await this.queues
      .get(QUEUES.lifecycle)
      .add('retention', {}, { ...jobOptions(this.config), jobId: `retention-${today}` });
  }
}
