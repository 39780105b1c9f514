import { Inject, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { Metrics, ScheduledTask } from '@vir/observability';
import { SCHEDULES, ScheduleName } from './schedules';

/**
 * A provider that runs some of the SCHEDULES: a table of schedule name → work, as a JobProcessor
 * has job name → handler. The interval and whether it runs at start come from the declaration.
 */
export abstract class ScheduledWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  abstract readonly schedules: Partial<Record<ScheduleName, () => Promise<unknown>>>;
  @Inject(AppConfig) protected readonly appConfig: AppConfig;
  @Inject(Metrics) private readonly metrics: Metrics;
  private readonly tasks = new Map<ScheduleName, ScheduledTask>();

  onApplicationBootstrap(): void {
    for (const [name, work] of Object.entries(this.schedules) as [ScheduleName, () => Promise<unknown>][]) {
      const task = new ScheduledTask(name, work, this.metrics);
      this.tasks.set(name, task);
      const schedule = SCHEDULES[name];
      task.start(this.appConfig[schedule.every], { immediately: schedule.immediately });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.tasks.values()].map((task) => task.stop()));
  }
}
