import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { Queue } from 'bullmq';
import { jobOptions, QUEUES, QueueName } from './routes';

/** The BullMQ queues of the worker process, one client each, closed on shutdown. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(config: AppConfig) {
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, {
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        defaultJobOptions: jobOptions(config),
      });
      queue.on('error', () => undefined); // outages are reported by the relay and the workers
      this.queues.set(name, queue);
    }
  }

  get(name: QueueName): Queue {
    return this.queues.get(name) as Queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
