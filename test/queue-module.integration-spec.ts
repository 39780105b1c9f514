import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig } from '@vir/config';
import type Redis from 'ioredis';
import { QueueModule } from '../libs/queue/src/queue.module';
import { createRedis, REDIS_CLIENT, whenReady } from '../libs/queue/src/redis';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

@Global()
@Module({ providers: [{ provide: AppConfig, useValue: { REDIS_URL: process.env.REDIS_URL } }], exports: [AppConfig] })
class ConfigStub {}

describe('the shared Redis client at start-up', () => {
  it('is connected before the application bootstraps, so work run at once (the epoch check) finds it ready', async () => {
    const app = await Test.createTestingModule({ imports: [ConfigStub, QueueModule] }).compile();
    try {
      await app.init();
      const redis = app.get<Redis>(REDIS_CLIENT);
      expect(redis.status).toBe('ready');
      await expect(redis.ping()).resolves.toBe('PONG');
    } finally {
      await app.close();
    }
  });

  it('does not keep a process from starting when Redis is down: the wait ends after its bound', async () => {
    const [port] = execFileSync('node', [join(__dirname, '..', 'scripts/free-port.js')], { encoding: 'utf8' })
      .trim()
      .split(' ');
    const redis = createRedis(`redis://127.0.0.1:${port}`, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    try {
      const started = Date.now();
      await expect(whenReady(redis, 300)).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      redis.disconnect();
    }
  });
});
