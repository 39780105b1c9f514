import type { DiscoveryService } from '@nestjs/core';
import { JobHandler, JobProcessor } from './job-processor';
import { QueueName, ROUTES } from './routes';
import { ScheduledWorker } from './scheduled-worker';
import { ScheduleName, SCHEDULES } from './schedules';
import { JobHandlerCheck } from './worker-queue.module';

class Processor extends JobProcessor {
  constructor(
    readonly queue: QueueName,
    readonly handlers: Record<string, JobHandler>,
  ) {
    super();
  }
}

class Timers extends ScheduledWorker {
  constructor(readonly schedules: Partial<Record<ScheduleName, () => Promise<unknown>>>) {
    super();
  }
}

const work = () => Promise.resolve();
const everyJob = Object.values(ROUTES).map((route) => new Processor(route.queue, { [route.job]: work }));
const everySchedule = Object.fromEntries(Object.keys(SCHEDULES).map((name) => [name, work]));
const check = (...instances: unknown[]) =>
  new JobHandlerCheck({
    getProviders: () => instances.map((instance) => ({ instance })),
  } as unknown as DiscoveryService);

describe('the worker start-up check', () => {
  it('starts when every outbox topic has a job handler and every schedule a runner', () => {
    expect(() => check(...everyJob, new Timers(everySchedule)).onApplicationBootstrap()).not.toThrow();
  });

  it('refuses to start when a declared schedule has no runner, naming it', () => {
    const { 'audit-seal': _sealer, ...others } = everySchedule;
    expect(() => check(...everyJob, new Timers(others)).onApplicationBootstrap()).toThrow(
      'Refusing to start: no handler for schedule audit-seal',
    );
  });

  it('refuses to start when an outbox topic has no job handler, naming it', () => {
    expect(() => check(...everyJob.slice(1), new Timers(everySchedule)).onApplicationBootstrap()).toThrow(
      /no handler for registration\.created \(job registration-created on queue matching\)/,
    );
  });
});
