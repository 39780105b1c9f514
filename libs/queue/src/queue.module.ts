import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import type Redis from 'ioredis';
import { OutboxWriter } from './outbox-writer';
import { createRedis, REDIS_CLIENT } from './redis';

/**
 * The queue facade: the outbox writer for transactions, and a shared Redis client.
 * A client that cannot reach Redis does not fail requests: commands fail fast (no offline queue)
 * and the outbox in PostgreSQL keeps what must be done.
 */
@Global()
@Module({
  providers: [
    OutboxWriter,
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const redis = createRedis(config.REDIS_URL, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectionName: 'vir',
        });
        // Readiness reports an outage; reconnecting is ioredis's job. Without a listener it would print every failure.
        redis.on('error', () => undefined);
        return redis;
      },
    },
  ],
  exports: [OutboxWriter, REDIS_CLIENT],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
