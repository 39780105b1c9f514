import { DataSource, EntityManager } from 'typeorm';
import { type Sql, withRunner } from './sql';

/**
 * Runs a statement of the hot path as a named prepared statement: PostgreSQL parses it once per
 * connection instead of on every call, and after a few calls may keep one generic plan instead of
 * planning each call. Only for statements whose best plan does not depend on the values: inserts
 * and lookups by key. A statement over an array of keys is better planned per call (a generic plan
 * made while a table was small would keep scanning it whole after it grew), so it runs unprepared.
 *
 * `name` must always come with the same statement text (the driver refuses a name reused for other text).
 * Runs in the transaction of `on` when it is a transaction's manager, else on a pooled connection.
 * Returns the rows, also for INSERT/UPDATE … RETURNING.
 */
export function runPrepared<Row>(on: DataSource | EntityManager, name: string, statement: Sql): Promise<Row[]> {
  return withRunner(on, async (runner) => {
    const client = (await runner.connect()) as {
      query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
    };
    return (await client.query({ name, text: statement.text, values: [...statement.values] })).rows;
  });
}
