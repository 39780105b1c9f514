/** Platform: the transactional outbox, its relay to BullMQ, the queues and their job processors. */
export type { OutboxTopic } from './outbox-writer';
export { OutboxWriter, outboxInsert, unpublishedIds } from './outbox-writer';
export { REDIS_CLIENT } from './redis';
export { QueueModule } from './queue.module';
export { jobOptions, QUEUES, ROUTES, WEBHOOK_BACKOFF } from './routes';
export type { JobHandler } from './job-processor';
export { JobProcessor } from './job-processor';
export { OutboxRelay } from './outbox-relay';
export { QueueRegistry } from './queue-registry';
export { WorkerQueueModule } from './worker-queue.module';
export { ScheduledWorker } from './scheduled-worker';
