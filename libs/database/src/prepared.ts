import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a statement of the hot path as a named prepared statement: PostgreSQL parses it once per
 * connection instead of on every call (these statements run hundreds of times a second). It is
 * still planned per call with current statistics (plan_cache_mode in postgresOptions).
 *
 * `name` must always come with the same `text` (the driver refuses a name reused for other text).
 * Runs in the transaction of `on` when it is a transaction's manager, else on a pooled connection.
 * Returns the rows, also for INSERT/UPDATE … RETURNING.
 */
export async function runPrepared<Row>(on: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const manager = on instanceof DataSource ? on.manager : on;
  const transaction = manager.queryRunner;
  const runner = transaction ?? manager.connection.createQueryRunner();
  try {
    const client: { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }> } = await runner.connect();
    return (await client.query({ name, text, values })).rows;
  } finally {
    if (!transaction) await runner.release();
  }
}
