import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_KEY, AUDIT_KEY, PSEUDONYM_KEY } from './test-config';

const execFileAsync = promisify(execFile);
export const ROOT = join(__dirname, '..', '..');

/** Environment for the compiled processes (cli, worker) started by the e2e suites. */
export function processEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    VIR_PSEUDONYM_KEY: PSEUDONYM_KEY,
    VIR_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    VIR_AUDIT_KEY: AUDIT_KEY,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    VIR_MUNICIPALITY_CODE: '0983',
    VIR_MUNICIPALITY_NAME: 'Gemeente Venlo',
    VIR_PUBLIC_URL: 'https://verwijsindex.test',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Runs `npm run cli -- ...args` as the operator would (the compiled CLI). */
export function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithEnv({}, ...args);
}

export async function cliWithEnv(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], {
      env: processEnv(env),
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export interface WorkerProcess {
  logs: string[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts the compiled worker as a real process and waits until it reports ready. */
export async function startWorker(extra: Record<string, string> = {}): Promise<WorkerProcess> {
  return startProcess('dist/apps/worker/src/main.js', '"worker ready"', {
    OUTBOX_POLL_INTERVAL_MS: '20',
    RECONCILE_INTERVAL_MS: '2000',
    JOB_LOCK_MS: '3000',
    ...extra,
  });
}

export interface ApiProcess extends WorkerProcess {
  url: string;
}

/** Starts the compiled api as a real process on a free port (a replica, as a deployment runs several). */
export async function startApiProcess(extra: Record<string, string> = {}): Promise<ApiProcess> {
  const { stdout } = await execFileAsync('node', [join(ROOT, 'scripts/free-port.js')]);
  const port = stdout.trim();
  const api = await startProcess('dist/apps/api/src/main.js', '"api listening"', {
    PORT: port,
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  });
  return { ...api, url: `http://127.0.0.1:${port}` };
}

export interface IdentityProviderProcess extends WorkerProcess {
  issuer: string;
}

/**
 * The project's demo OpenID Connect provider (scripts/demo-idp.mjs) on a free port, with `config`
 * (clients and accounts; `issuer` is filled in). It reads the accounts again at every login.
 */
export async function startIdentityProvider(
  configFile: string,
  config: { clients: object[]; accounts: Record<string, object> },
): Promise<IdentityProviderProcess> {
  const { stdout } = await execFileAsync('node', [join(ROOT, 'scripts/free-port.js')]);
  const port = stdout.trim();
  const issuer = `http://127.0.0.1:${port}`;
  writeFileSync(configFile, JSON.stringify({ issuer, ...config }));
  const idp = await startProcess('scripts/demo-idp.mjs', 'demo identity provider listening', {}, [port, configFile]);
  return { ...idp, issuer };
}

export interface LocalBrpProcess extends WorkerProcess {
  url: string;
}

/** The project's local BRP (scripts/local-brp.js) on a free port, answering from `personsFile`. */
export async function startLocalBrp(personsFile: string, extra: Record<string, string> = {}): Promise<LocalBrpProcess> {
  const { stdout } = await execFileAsync('node', [join(ROOT, 'scripts/free-port.js')]);
  const port = stdout.trim();
  const brp = await startProcess('scripts/local-brp.js', 'local BRP on', { BRP_DEV_PERSONAS: personsFile, ...extra }, [
    port,
  ]);
  return { ...brp, url: `http://127.0.0.1:${port}` };
}

export interface PortalProcess extends WorkerProcess {
  url: string;
}

/** Starts the compiled portal as a real process on a free port of loopback. */
export async function startPortalProcess(extra: Record<string, string> = {}): Promise<PortalProcess> {
  const { stdout } = await execFileAsync('node', [join(ROOT, 'scripts/free-port.js')]);
  const port = stdout.trim();
  const url = `http://127.0.0.1:${port}`;
  const portal = await startProcess('dist/apps/portal/src/main.js', '"portal listening"', {
    PORTAL_PORT: port,
    PORTAL_URL: url,
    HOST: '127.0.0.1',
    ...extra,
  });
  return { ...portal, url };
}

async function startProcess(
  script: string,
  readyLine: string,
  extra: Record<string, string>,
  args: string[] = [],
): Promise<WorkerProcess> {
  const child = spawn('node', [join(ROOT, script), ...args], {
    env: processEnv(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let buffer = '';
  const collect = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    logs.push(...lines.filter((line) => line.length > 0));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!logs.some((line) => line.includes(readyLine))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${script} did not start:\n${logs.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    logs,
    exited,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls until `check` returns true, or fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
