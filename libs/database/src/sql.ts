import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * A piece of SQL with its values kept apart from the text. Written with the `sql` tag; a value put
 * into the template becomes a parameter, a fragment put into it is spliced in with its own values,
 * so fragments from several libs join into one statement without anyone counting `$n`.
 * Placeholders are numbered only when the statement is run (`text`).
 */
export class Sql {
  private constructor(
    private readonly chunks: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  static of(strings: readonly string[], interpolated: readonly unknown[]): Sql {
    const chunks = [strings[0]];
    const values: unknown[] = [];
    interpolated.forEach((value, i) => {
      if (value instanceof Sql) {
        chunks[chunks.length - 1] += value.chunks[0];
        for (let j = 1; j < value.chunks.length; j += 1) chunks.push(value.chunks[j]);
        values.push(...value.values);
      } else {
        values.push(value);
        chunks.push('');
      }
      chunks[chunks.length - 1] += strings[i + 1];
    });
    return new Sql(chunks, values);
  }

  /** The statement text with `$1…$n` for the values, in order. */
  get text(): string {
    return this.chunks.reduce((text, chunk, i) => `${text}$${i}${chunk}`);
  }
}

/** The `sql` tag: sql`SELECT … WHERE id = ${id}`. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return Sql.of(strings, values);
}

/** Text chosen by the code (a column or table name from a fixed list), never by a client. */
sql.raw = (text: string): Sql => Sql.of([text], []);

/** The fragments one after the other, `separator` between them (e.g. conditions joined by AND). */
sql.join = (fragments: readonly Sql[], separator: string): Sql =>
  Sql.of(['', ...fragments.slice(1).map(() => separator), ''].slice(fragments.length ? 0 : 1), fragments);

/**
 * Runs a statement and returns its rows, typed by the caller (who knows what the SQL selects), also
 * for INSERT/UPDATE/DELETE … RETURNING. Runs in the transaction of `on` when it is a transaction's manager.
 */
export async function rows<Row>(on: DataSource | EntityManager, statement: Sql): Promise<Row[]> {
  const result = await withRunner(on, (runner) => runner.query(statement.text, [...statement.values], true));
  return result.records as Row[];
}

/**
 * Runs `work` on the query runner of `on` when it is a transaction's manager, else on a pooled
 * connection taken for it and given back afterwards.
 */
export async function withRunner<T>(
  on: DataSource | EntityManager,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const manager = on instanceof DataSource ? on.manager : on;
  const transaction = manager.queryRunner;
  const runner = transaction ?? manager.connection.createQueryRunner();
  try {
    return await work(runner);
  } finally {
    if (!transaction) await runner.release();
  }
}

/**
 * Newest-first keyset paging over (created_at, id): the condition for the rows after `cursor` (true
 * without one) and the ORDER BY … LIMIT clause, which fetches one row more than the page to know
 * whether more follow.
 */
export function newestFirst(
  alias: string,
  cursor: { createdAt: Date | string; id: string } | undefined,
  limit: number,
): { after: Sql; order: Sql } {
  const a = sql.raw(alias);
  return {
    after: cursor
      ? sql`(${a}.created_at, ${a}.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
      : sql`true`,
    order: sql`ORDER BY ${a}.created_at DESC, ${a}.id DESC LIMIT ${limit + 1}`,
  };
}

/** The calendar month (YYYY-MM) in Amsterdam of a timestamptz expression: the month the service reports by. */
export function monthOf(at: Sql): Sql {
  return sql`to_char(${at} AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM')`;
}

/**
 * The database's clock, taken on purpose for one kind of time only: the moment a row changed,
 * stamped by the transaction that changed it (left, closed, confirmed, acknowledged, delivered,
 * published, revoked), and the ages the metrics report. What a rule computes with — today, deadlines,
 * removal dates, retention cut-offs, registration times — comes from the application's Clock.
 */
export const databaseNow: Sql = sql.raw('now()');

/** Runs a statement for its effect and returns how many rows it changed. */
export async function execute(on: DataSource | EntityManager, statement: Sql): Promise<number> {
  const result = await withRunner(on, (runner) => runner.query(statement.text, [...statement.values], true));
  return result.affected ?? 0;
}
