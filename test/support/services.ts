import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The test run's own PostgreSQL and Redis (started by scripts/test.sh in TEST_SERVICES_DIR), for
 * suites that take them away and bring them back. Only these servers are touched.
 */
function servicesDir(): string {
  const dir = process.env.TEST_SERVICES_DIR;
  if (!dir)
    throw new Error(
      'TEST_SERVICES_DIR is not set: run the suite with `npm test`, which starts its own PostgreSQL and Redis',
    );
  return dir;
}

const redisPort = () => new URL(process.env.REDIS_URL as string).port;
const pgPort = () => new URL(process.env.DATABASE_URL as string).port;

async function pgCtl(...args: string[]): Promise<void> {
  const { stdout } = await run('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1']);
  const pgCtlPath = join(stdout.trim(), 'pg_ctl');
  const command = [pgCtlPath, '-D', join(servicesDir(), 'pg'), ...args];
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', ...command]);
  else await run(command[0], command.slice(1));
}

/** Stops the test Redis at once, dropping everything it held (as a restart without persistence would). */
export async function stopRedis(): Promise<void> {
  await run('redis-cli', ['-p', redisPort(), 'shutdown', 'nosave']).catch(() => undefined);
}

/** Starts the test Redis again, empty, with its pid file where scripts/services.sh will find it. */
export async function startRedis(): Promise<void> {
  const dir = servicesDir();
  await run('redis-server', [
    '--port',
    redisPort(),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'yes',
    '--dir',
    dir,
    '--pidfile',
    join(dir, 'redis.pid'),
    '--logfile',
    join(dir, 'redis.log'),
  ]);
  for (let i = 0; i < 100; i += 1) {
    const { stdout } = await run('redis-cli', ['-p', redisPort(), 'ping']).catch(() => ({ stdout: '' }));
    if (stdout.includes('PONG')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the test Redis did not come back');
}

/** Stops the test PostgreSQL (fast shutdown: connections are cut). */
export async function stopPostgres(): Promise<void> {
  await pgCtl('-m', 'fast', '-w', 'stop');
}

/** Starts the test PostgreSQL again with the settings scripts/services.sh gave it. */
export async function startPostgres(): Promise<void> {
  const dir = servicesDir();
  await pgCtl(
    '-l',
    join(dir, 'pg', 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${pgPort()} -k ${join(dir, 'pg')} -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  );
}
