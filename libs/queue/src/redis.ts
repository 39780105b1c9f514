import Redis, { RedisOptions } from 'ioredis';

/** A Redis client suitable for BullMQ (which needs maxRetriesPerRequest: null on blocking connections). */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...options });
}

/** Fast-failing client for health checks and small reads. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
