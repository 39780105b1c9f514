import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_KEY, PSEUDONYM_KEY } from './test-config';

const execFileAsync = promisify(execFile);
export const ROOT = join(__dirname, '..', '..');

/** Environment for the compiled processes (cli, worker) started by the e2e suites. */
export function processEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    VIR_PSEUDONYM_KEY: PSEUDONYM_KEY,
    VIR_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    VIR_MUNICIPALITY_CODE: '0983',
    VIR_MUNICIPALITY_NAME: 'Gemeente Venlo',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Runs `npm run cli -- ...args` as the operator would (the compiled CLI). */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], { env: processEnv(), cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
