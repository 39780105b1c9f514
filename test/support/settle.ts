import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QUEUES } from '../../libs/queue/src/routes';
import { waitFor } from './processes';

async function queuesIdle(): Promise<boolean> {
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: process.env.REDIS_URL as string } });
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
    } finally {
      await queue.close();
    }
  }
  return true;
}

async function databaseIdle(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS unpublished,
            (SELECT count(*) FROM registrations WHERE status = 'active' AND match_checked_at IS NULL)::int AS unchecked`,
  );
  return row.unpublished === 0 && row.unchecked === 0;
}

/**
 * True when every committed event has been relayed and every queue is idle. The queues are looked at
 * before and after the database: a job that finished between two looks may have committed a new
 * event (e.g. a disconnection's removals), which the relay hands to a queue before it marks it
 * published — so the second look sees that job, or the first saw the event unpublished.
 */
export async function settled(dataSource: DataSource): Promise<boolean> {
  return (await queuesIdle()) && (await databaseIdle(dataSource)) && (await queuesIdle());
}

export async function waitUntilSettled(dataSource: DataSource, timeoutMs = 60_000): Promise<void> {
  await waitFor('the worker to finish every event', () => settled(dataSource), timeoutMs);
}
