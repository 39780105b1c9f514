import { Queue } from 'bullmq';
import { Client } from 'pg';
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

/**
 * …and with an empty database: what an earlier suite left (registrations whose match check was in
 * a queue just emptied, unpublished events) would otherwise wait for a worker's reconciler, a
 * minute later, before this suite's first wait for a settled worker could end.
 */
export async function emptyDatabase(): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    if (rows.length > 0)
      await client.query(`TRUNCATE ${rows.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

if (process.env.REDIS_URL && process.env.DATABASE_URL && expect.getState().testPath?.endsWith('.e2e-spec.ts')) {
  beforeAll(async () => {
    await emptyQueues();
    await emptyDatabase();
  });
}
