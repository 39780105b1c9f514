import { sql } from './sql';

describe('sql', () => {
  it('numbers the values of a statement in order', () => {
    const statement = sql`SELECT * FROM t WHERE a = ${1} AND b = ${'x'}`;
    expect(statement.text).toBe('SELECT * FROM t WHERE a = $1 AND b = $2');
    expect(statement.values).toEqual([1, 'x']);
  });

  it('splices fragments with their own values, renumbering them where they land', () => {
    const inner = sql`c IN (${'p'}, ${'q'})`;
    const statement = sql`SELECT ${0} WHERE ${inner} AND d = ${true} AND ${inner}`;
    expect(statement.text).toBe('SELECT $1 WHERE c IN ($2, $3) AND d = $4 AND c IN ($5, $6)');
    expect(statement.values).toEqual([0, 'p', 'q', true, 'p', 'q']);
  });

  it('joins fragments with a separator, and nothing to nothing', () => {
    const conditions = [sql`a = ${1}`, sql`b = ${2}`, sql`c IS NULL`];
    expect(sql`WHERE ${sql.join(conditions, ' AND ')}`.text).toBe('WHERE a = $1 AND b = $2 AND c IS NULL');
    expect(sql.join([sql`x = ${1}`], ', ').text).toBe('x = $1');
    expect(sql.join([], ', ').text).toBe('');
    expect(sql.join([], ', ').values).toEqual([]);
  });

  it('puts raw text in as written, with no parameter', () => {
    const statement = sql`UPDATE matches SET ${sql.raw('reminded_at')} = now() WHERE id = ${'m'}`;
    expect(statement.text).toBe('UPDATE matches SET reminded_at = now() WHERE id = $1');
    expect(statement.values).toEqual(['m']);
  });

  it('keeps a value that looks like SQL a value', () => {
    const statement = sql`SELECT ${"'; DROP TABLE t; --"}`;
    expect(statement.text).toBe('SELECT $1');
    expect(statement.values).toEqual(["'; DROP TABLE t; --"]);
  });
});
