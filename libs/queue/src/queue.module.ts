import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import type Redis from 'ioredis';
import { OutboxWriter } from './outbox-writer';
import { createRedis, REDIS_CLIENT, whenReady } from './redis';

/**
 * The queue facade: the outbox writer for transactions, and a shared Redis client.
 * A client that cannot reach Redis does not fail requests: commands fail fast (no offline queue)
 * and the outbox in PostgreSQL keeps what must be done. Start-up waits briefly for the connection, so
 * the work a worker runs at once (the Redis epoch check) does not fail against a client still
 * connecting; a Redis that is down delays start-up by at most REDIS_CONNECT_WAIT_MS.
 */
const REDIS_CONNECT_WAIT_MS = 3000;

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
export class QueueModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onModuleInit(): Promise<void> {
    await whenReady(this.redis, REDIS_CONNECT_WAIT_MS);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
