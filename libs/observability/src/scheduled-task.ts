import { Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Metrics } from './metrics';

/**
 * Work a worker does on a timer (sweeps, sealing, reconciliation). A run never overlaps the
 * previous one; every failure is logged with the task's name and counted in
 * `vir_scheduled_task_failures_total`, so a task that keeps failing is seen, never swallowed.
 */
export class ScheduledTask {
  private readonly logger = new Logger(ScheduledTask.name);
  private readonly failures: Counter<'task'>;
  private readonly runs: Counter<'task'>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private consecutiveFailures = 0;

  constructor(
    readonly name: string,
    private readonly work: () => Promise<unknown>,
    metrics: Metrics,
  ) {
    this.failures = metrics.counter('vir_scheduled_task_failures_total', 'Failed runs of scheduled worker tasks', [
      'task',
    ]);
    this.runs = metrics.counter('vir_scheduled_task_runs_total', 'Runs of scheduled worker tasks', ['task']);
  }

  start(intervalMs: number, { immediately = false } = {}): void {
    this.timer = setInterval(() => void this.run(), intervalMs);
    if (immediately) void this.run();
  }

  /** One run now, unless one is running (then that one is awaited). Never throws. */
  run(): Promise<void> {
    this.running ??= this.work()
      .then(() => {
        this.runs.inc({ task: this.name });
        if (this.consecutiveFailures > 0)
          this.logger.log({ task: this.name, after: this.consecutiveFailures }, 'scheduled task recovered');
        this.consecutiveFailures = 0;
      })
      .catch((error: Error) => {
        this.consecutiveFailures += 1;
        this.failures.inc({ task: this.name });
        this.logger.error(
          {
            task: this.name,
            consecutiveFailures: this.consecutiveFailures,
            err: { name: error?.name, message: error?.message, code: (error as { code?: string })?.code },
          },
          'scheduled task failed',
        );
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
