import Redis, { RedisOptions } from 'ioredis';

/** A Redis client suitable for BullMQ (which needs maxRetriesPerRequest: null on blocking connections). */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...options });
}

/** Fast-failing client for health checks and small reads. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Resolves once `redis` is connected and ready, or after `timeoutMs` (a Redis that is down must not
 * keep a process from starting: its commands fail fast and readiness reports it).
 */
export function whenReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.once('ready', onReady);
  });
}
