import { Queue } from 'bullmq';
import { QUEUES } from '../../libs/queue/src/routes';

/**
 * Every e2e suite starts with empty queues. A job an earlier suite left retrying (a webhook to a
 * receiver that has gone, on a backoff of minutes) is not this suite's work, and would keep the
 * suite's worker from ever settling. No worker runs between suites, so nothing is taken from one.
 */
export async function emptyQueues(): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: process.env.REDIS_URL as string } });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}

if (process.env.REDIS_URL && expect.getState().testPath?.endsWith('.e2e-spec.ts')) {
  beforeAll(emptyQueues);
}
