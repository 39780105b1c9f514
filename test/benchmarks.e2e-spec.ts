import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './support/processes';

const execFileAsync = promisify(execFile);

/**
 * The benchmark commands the docs show, run as an operator types them (`npm run bench:…`, which
 * builds and starts its own durable PostgreSQL and Redis), briefly: what they print must hold
 * figures, and the correctness checks they print (errors, lost or duplicated matches) must be clean.
 */
async function bench(script: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await execFileAsync('npm', ['run', '-s', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 280_000,
  });
  return stdout;
}

const jsonLines = (stdout: string): Record<string, number | string>[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, number | string>);

/**
 * The figures a benchmark prints as JSON, one line per round, beside the JSON log lines of the
 * processes it runs (warnings and errors only) — of which none may be an error.
 */
function figuresOf(stdout: string): Record<string, number | string>[] {
  const lines = jsonLines(stdout);
  expect(lines.filter((line) => line.level === 'error' || line.level === 'fatal').map((line) => line.msg)).toEqual([]);
  return lines.filter((line) => line.level === undefined);
}

describe('the benchmarks', () => {
  jest.setTimeout(300_000);

  it('bench:registrations with verification in the local BRP prints its rate, latencies and the BRP time, without errors', async () => {
    const [figures] = figuresOf(
      await bench('bench:registrations', {
        BENCH_BRP: '1',
        BENCH_BRP_PERSONS: '20000',
        BENCH_SECONDS: '3',
        BENCH_CONNECTIONS: '5',
      }),
    );
    expect(figures.errors).toBe(0);
    expect(figures.requests).toBeGreaterThan(0);
    expect(figures['registrations/s']).toBeGreaterThan(0);
    expect(figures['p99 ms']).toBeGreaterThan(0);
    expect(figures['pgbench inserts/s (8 clients)']).toBeGreaterThan(0);
    // Every registration was verified in the BRP (the warm-up asks nothing of it).
    expect(figures['BRP requests']).toBeGreaterThanOrEqual(figures.requests as number);
    expect(figures['BRP mean ms']).toBeGreaterThan(0);
  });

  it('bench:matching with families and addresses creates every expected match once, and reports both latencies', async () => {
    const rounds = figuresOf(
      await bench('bench:matching', {
        BENCH_FAMILIES: '1',
        BENCH_ADDRESSES: '1',
        BENCH_RATE: '40',
        BENCH_SECONDS: '4',
        BENCH_PRELOAD: '2000',
      }),
    );
    expect(rounds.map((r) => r.round)).toEqual(['warm-up (not counted)', 'empty index', '2000 active registrations']);
    for (const r of rounds) {
      expect(r).toMatchObject({ errors: 0, duplicates: 0, 'address matches (expected 0)': 0 });
      expect(r['created matches']).toBe(r['expected matches']);
      expect(r['created participant signals']).toBe(r['expected participant signals']);
      expect(r['created family matches']).toBe(r['expected family matches']);
      expect(r['webhooks not arrived']).toBe(0);
      expect(r['p99 ms (201 → signal)']).toBeGreaterThan(0);
    }
    expect(rounds.some((r) => (r['expected family matches'] as number) > 0)).toBe(true);
  });

  it('bench:login prints the login round trip and the password step', async () => {
    const stdout = await bench('bench:login', { BENCH_PASSWORD_STEPS: '16' });
    expect(stdout).toMatch(
      /login round trip \(5 requests, password \+ TOTP\): n [1-9]\d*, p50 [\d.]+ ms, p99 [\d.]+ ms/,
    );
    expect(stdout).toMatch(/password step \(2 requests\), one at a time: n 16, p50 [\d.]+ ms/);
    expect(stdout).toMatch(/password step, 8 at a time: n 16, p50 [\d.]+ ms, p99 [\d.]+ ms, [\d.]+ steps\/s/);
  });
});
