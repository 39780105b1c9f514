import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@vir/auth';
import { DATABASE_RETRY_AFTER_SECONDS } from '@vir/common';
import { REDIS_CLIENT } from '@vir/queue';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { BrpReadiness } from './brp-readiness';
import { FollowUpCoverage } from './follow-up-coverage';

type Status = 'up' | 'down' | 'degraded';

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness says the process runs. Readiness says what this api can do: it serves every request
 * as long as PostgreSQL answers (during a Redis outage the outbox keeps what the worker must do),
 * so only PostgreSQL decides 200 or 503. Redis trouble, colleges without a follow-up officer and a
 * BRP that keeps failing (registrations then wait for verification) are reported as degraded details.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly coverage: FollowUpCoverage,
    private readonly brp: BrpReadiness,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const database: Status = await within(1500, this.dataSource.query('SELECT 1')).then(
      () => 'up',
      () => 'down',
    );
    const redis: Status = await within(1000, this.redis.ping()).then(
      (answer) => (answer === 'PONG' ? 'up' : 'degraded'),
      () => 'degraded',
    );
    const details: Record<string, Record<string, unknown>> = {
      database: { status: database },
      redis: { status: redis },
    };
    if (redis === 'degraded')
      details.redis.message = 'queue unreachable: registrations are accepted and wait in the outbox';
    if (database === 'up') {
      const without = await this.coverage.collegesWithoutOfficer().catch(() => undefined);
      if (without !== undefined) {
        details.followUpOfficers =
          without === 0 ? { status: 'up' } : { status: 'degraded', collegesWithoutOfficer: without };
      }
      const brp = await this.brp.details().catch(() => undefined);
      if (brp) details.brp = brp;
    }
    if (database !== 'up') reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    await reply.status(database === 'up' ? 200 : 503).send({ status: database === 'up' ? 'ok' : 'error', details });
  }
}
