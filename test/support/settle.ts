import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QUEUES } from '../../libs/queue/src/routes';
import { waitFor } from './processes';

/** True when every committed event has been relayed and every queue is idle. */
export async function settled(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS unpublished,
            (SELECT count(*) FROM registrations WHERE status = 'active' AND match_checked_at IS NULL)::int AS unchecked`,
  );
  if (row.unpublished > 0 || row.unchecked > 0) return false;
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

export async function waitUntilSettled(dataSource: DataSource, timeoutMs = 60_000): Promise<void> {
  await waitFor('the worker to finish every event', () => settled(dataSource), timeoutMs);
}
