import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { JobData, QueueName } from './routes';

export type JobHandler = (data: JobData, job: Job<JobData>) => Promise<unknown>;

/**
 * A queue's consumer: a table of job name → handler. Handlers stay thin and call a service.
 * Errors are rethrown so BullMQ's attempts and backoff apply; a handler throws
 * UnrecoverableError for a permanent failure, and a job nobody handles fails permanently.
 * On shutdown the worker stops taking jobs and waits for the running ones to finish.
 */
export abstract class JobProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  abstract readonly queue: QueueName;
  abstract readonly handlers: Record<string, JobHandler>;
  @Inject(AppConfig) protected readonly appConfig: AppConfig;
  private worker?: Worker<JobData>;

  /** How many jobs of this queue one process runs at once. */
  protected concurrency(): number {
    return 4;
  }

  /** Delay before retry `attempt` of a job whose backoff type is not BullMQ's own; undefined uses the default. */
  protected backoff(_attempt: number, _type: string): number | undefined {
    return undefined;
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<JobData>(this.queue, (job) => this.process(job), {
      connection: { url: this.appConfig.REDIS_URL, maxRetriesPerRequest: null },
      concurrency: this.concurrency(),
      lockDuration: this.appConfig.JOB_LOCK_MS,
      stalledInterval: this.appConfig.JOB_LOCK_MS,
      settings: { backoffStrategy: (attempt: number, type?: string) => this.backoff(attempt, type ?? '') ?? 1000 },
    });
    this.worker.on('error', (error) =>
      this.logger.warn({ err: { name: error.name, message: error.message } }, 'queue connection problem'),
    );
  }

  /** Before the database pool closes: running jobs finish, no new ones start. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<JobData>): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    try {
      return await handler(job.data, job);
    } catch (error) {
      const permanent = error instanceof UnrecoverableError;
      this.logger.warn(
        {
          job: job.name,
          jobId: job.id,
          attempt: job.attemptsMade + 1,
          correlationId: job.data.correlationId,
          permanent,
          err: { name: (error as Error).name, message: (error as Error).message },
        },
        'job failed',
      );
      throw error;
    }
  }
}
