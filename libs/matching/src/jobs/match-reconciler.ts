import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { rows } from '@vir/database';
import { Metrics } from '@vir/observability';
import { jobOptions, QueueRegistry, REDIS_CLIENT, ROUTES, ScheduledWorker, unpublishedIds } from '@vir/queue';
import { uncheckedRegistrations } from '@vir/registrations';
import type { Counter } from 'prom-client';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A key the worker keeps in Redis: when it is gone, Redis lost its data (restarted without persistence, flushed). */
const EPOCH_KEY = 'vir:epoch';

/**
 * The safety net under the outbox: a registration that no match job has handled a while after it
 * was made is queued again under its deterministic job id — whatever happened to its first job.
 * A job still waiting or running is left alone; one that failed for good (its retries ran out
 * during a long database outage) or that completed without marking the registration is removed and
 * added again, so an outage of any length never leaves two registrations of a youth unmatched.
 *
 * It also notices when Redis comes back empty (the epoch key is gone) and reconciles at once,
 * instead of at the next RECONCILE_INTERVAL_MS.
 */
@Injectable()
export class MatchReconciler extends ScheduledWorker {
  readonly schedules = {
    'match-reconcile': () => this.sweep(),
    'redis-epoch-check': () => this.checkEpoch(),
  };

  private readonly logger = new Logger(MatchReconciler.name);
  private readonly requeued: Counter;
  private readonly losses: Counter;
  private epoch?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queues: QueueRegistry,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    metrics: Metrics,
  ) {
    super();
    this.requeued = metrics.counter(
      'vir_match_jobs_requeued_total',
      'Registrations whose match job was lost or failed for good, queued again',
    );
    this.losses = metrics.counter(
      'vir_redis_data_losses_total',
      'Times the worker found Redis emptied (its queues lost) and reconciled at once',
    );
  }

  /**
   * Sets the epoch when Redis has none. When this worker knew one and it vanished, Redis lost its
   * data; when a worker starts and finds none, Redis is new or was emptied while no worker ran. Either
   * way every registration without a match check is queued again now (harmless for jobs that exist).
   */
  async checkEpoch(): Promise<boolean> {
    const current = await this.redis.get(EPOCH_KEY);
    if (current) {
      this.epoch = current;
      return false;
    }
    await this.redis.set(EPOCH_KEY, randomUUID(), 'NX');
    const known = this.epoch !== undefined;
    this.epoch = (await this.redis.get(EPOCH_KEY)) ?? undefined;
    if (known) {
      this.losses.inc();
      this.logger.warn('Redis came back without its queues: reconciling every registration without a match check now');
    } else {
      this.logger.log(
        'Redis holds no queue epoch (new, or emptied while no worker ran): reconciling every registration without a match check now',
      );
    }
    await this.sweep(0);
    return true;
  }

  /** Returns how many registrations were queued again. */
  async sweep(olderThanMs = this.config.RECONCILE_INTERVAL_MS): Promise<number> {
    // A registration whose event the relay has not handed to Redis yet is the relay's: its job will come
    // with the request's correlation id. (The unpublished outbox rows are few, found by their partial index.)
    const unchecked = await rows<{ id: string }>(
      this.dataSource,
      uncheckedRegistrations(olderThanMs, 5000, unpublishedIds('registration.created', 'registrationId')),
    );
    if (unchecked.length === 0) return 0;
    const route = ROUTES['registration.created'];
    const queue = this.queues.get(route.queue);
    let freed = 0;
    for (const row of unchecked) {
      const job = await queue.getJob(route.jobId({ registrationId: row.id }));
      if (!job) continue;
      const state = await job.getState();
      // Waiting, delayed or running: it will run. Failed or completed: its id blocks a new job, so it goes.
      if (state === 'failed' || state === 'completed') {
        await job.remove();
        freed += 1;
      }
    }
    await queue.addBulk(
      unchecked.map((row) => ({
        name: route.job,
        data: { registrationId: row.id, correlationId: null },
        opts: { ...jobOptions(this.config, route), jobId: route.jobId({ registrationId: row.id }) },
      })),
    );
    this.requeued.inc(unchecked.length);
    this.logger.warn(
      { requeued: unchecked.length, replacedFinishedJobs: freed },
      'registrations without a match check were queued again',
    );
    return unchecked.length;
  }
}
