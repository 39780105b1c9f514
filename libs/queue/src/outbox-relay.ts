import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { databaseNow, execute, sql } from '@vir/database';
import type { JobsOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import type { OutboxPayload, OutboxTopic } from './outbox-writer';
import { QueueRegistry } from './queue-registry';
import { jobOptions, QueueName, ROUTES } from './routes';

interface OutboxRow {
  id: string;
  topic: OutboxTopic;
  payload: OutboxPayload;
  correlation_id: string | null;
}

const BATCH = 500;
/**
 * Published events older than the retention are deleted this often, oldest first, in slices; at most
 * PRUNE_SLICES slices a time, so that a large backlog (after an upgrade) drains over several passes
 * instead of holding up publishing.
 */
const PRUNE_EVERY_MS = 60_000;
const PRUNE_SLICE = 5000;
const PRUNE_SLICES = 10;

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED, so several workers
 * share the work; they are marked published only after Redis accepted the jobs, in the same
 * transaction. When Redis is down nothing is marked and the rows wait; when the worker dies
 * between the two steps, the rows are published again under the same job ids, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private failures = 0;
  private prunedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Events were just committed by this process (signals a match wrote): publish them now rather than
   * at the next poll. A nudge during a pass makes the relay look again straight after it.
   */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes one batch; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, payload, correlation_id FROM outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, { name: string; data: object; opts: JobsOptions & { jobId: string } }[]>();
      for (const row of rows) {
        const route = ROUTES[row.topic];
        if (!route) throw new Error(`outbox topic without a route: ${row.topic}`);
        const jobs = byQueue.get(route.queue) ?? [];
        jobs.push({
          name: route.job,
          data: { ...row.payload, correlationId: row.correlation_id },
          opts: { ...jobOptions(this.config, route), jobId: route.jobId(row.payload) },
        });
        byQueue.set(route.queue, jobs);
      }
      // Fail fast when Redis is away, so the claimed rows are released instead of held open.
      await withTimeout(Promise.all([...byQueue].map(([queue, jobs]) => this.queues.get(queue).addBulk(jobs))), 5000);
      await execute(
        manager,
        sql`UPDATE outbox SET published_at = ${databaseNow} WHERE id = ANY(${rows.map((row) => row.id)}::bigint[])`,
      );
      return rows.length;
    });
  }

  /**
   * Deletes published events older than OUTBOX_RETENTION_HOURS (at most PRUNE_SLICES slices per call);
   * unpublished ones are never touched.
   * Walks the table in id order, so each slice reads the oldest rows through the primary key.
   * Returns how many were deleted.
   */
  async prune(): Promise<number> {
    let deleted = 0;
    for (let slice = 0; slice < PRUNE_SLICES; slice += 1) {
      const count = await execute(
        this.dataSource,
        sql`DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE published_at < ${databaseNow} - make_interval(hours => ${this.config.OUTBOX_RETENTION_HOURS})
            ORDER BY id LIMIT ${PRUNE_SLICE})`,
      );
      deleted += count;
      if (count < PRUNE_SLICE || !this.running) break;
    }
    return deleted;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      this.nudged = false;
      try {
        if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) {
          this.prunedAt = Date.now();
          const pruned = await this.prune();
          if (pruned > 0)
            this.logger.log(
              { pruned, retentionHours: this.config.OUTBOX_RETENTION_HOURS },
              'published outbox events deleted',
            );
        }
        published = await this.publishBatch();
        if (this.failures > 0) this.logger.log({ after: this.failures }, 'outbox relay recovered');
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        // Redis or PostgreSQL unreachable: nothing was marked, so nothing is lost. Log now and then.
        if (this.failures === 1 || this.failures % 50 === 0) {
          this.logger.warn(
            { err: { name: (error as Error).name, message: (error as Error).message }, failures: this.failures },
            'outbox relay cannot publish yet',
          );
        }
      }
      if (this.failures > 0) await this.sleep(Math.min(5000, 200 * this.failures));
      else if (published < BATCH && !this.nudged) await this.sleep(this.config.OUTBOX_POLL_INTERVAL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
