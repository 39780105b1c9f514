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

/** Idle when nothing is unpublished or unchecked; answers the newest outbox event's id then (else null). */
async function databaseIdle(dataSource: DataSource): Promise<string | null> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS unpublished,
            (SELECT count(*) FROM registrations WHERE status = 'active' AND verification <> 'awaiting_verification'
                                   AND match_checked_at IS NULL)::int AS unchecked,
            (SELECT coalesce(max(id), 0) FROM outbox)::text AS newest`,
  );
  return row.unpublished === 0 && row.unchecked === 0 ? (row.newest as string) : null;
}

/**
 * True when every committed event has been relayed and every queue is idle. Queues and database are
 * looked at in turn, twice, and the newest outbox event must be the same both times: a job that
 * finished between two looks has committed its own events before it finished, so either a look at
 * the queues still sees it, or a look at the database sees its events (unpublished, or a newer
 * event than the last look saw) — also when it ran between two hops of a chain (a disconnection,
 * then its removals, then each removal's departure from its match).
 */
export async function settled(dataSource: DataSource): Promise<boolean> {
  if (!(await queuesIdle())) return false;
  const first = await databaseIdle(dataSource);
  if (first === null || !(await queuesIdle())) return false;
  const second = await databaseIdle(dataSource);
  return second !== null && second === first && (await queuesIdle());
}

export async function waitUntilSettled(dataSource: DataSource, timeoutMs = 60_000): Promise<void> {
  await waitFor('the worker to finish every event', () => settled(dataSource), timeoutMs);
}
