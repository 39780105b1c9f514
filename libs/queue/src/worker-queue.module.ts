import { Global, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { JobProcessor } from './job-processor';
import { OutboxRelay } from './outbox-relay';
import { QueueMetrics } from './queue-metrics';
import { QueueRegistry } from './queue-registry';
import { ROUTES } from './routes';
import { ScheduledWorker } from './scheduled-worker';
import { SCHEDULES } from './schedules';

/**
 * Refuses to start a worker in which an outbox topic has no handler (its events would pile up unseen)
 * or a declared schedule no runner (its work would silently never happen).
 */
@Injectable()
export class JobHandlerCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const handled = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as unknown;
      if (instance instanceof JobProcessor)
        for (const name of Object.keys(instance.handlers)) handled.add(`${instance.queue}/${name}`);
    }
    const scheduled = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as unknown;
      if (instance instanceof ScheduledWorker) for (const name of Object.keys(instance.schedules)) scheduled.add(name);
    }
    const missing = [
      ...Object.entries(ROUTES)
        .filter(([, route]) => !handled.has(`${route.queue}/${route.job}`))
        .map(([topic, route]) => `${topic} (job ${route.job} on queue ${route.queue})`),
      ...Object.keys(SCHEDULES)
        .filter((name) => !scheduled.has(name))
        .map((name) => `schedule ${name}`),
    ];
    if (missing.length > 0) throw new Error(`Refusing to start: no handler for ${missing.join(', ')}`);
  }
}

/** BullMQ for the worker process: the queues, the outbox relay and the handler check. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [QueueRegistry, OutboxRelay, JobHandlerCheck, QueueMetrics],
  exports: [QueueRegistry, OutboxRelay],
})
export class WorkerQueueModule {}
