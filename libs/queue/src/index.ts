export type { OutboxPayload, OutboxTopic } from './outbox-writer';
export { OUTBOX_TOPICS, OutboxWriter } from './outbox-writer';
export { createRedis, REDIS_CLIENT } from './redis';
export { QueueModule } from './queue.module';
