import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateSync } from 'otplib';
import type { DemoLoginLine as DemoLogin } from '../apps/cli/src/seed-demo';
import { launchBrowser } from './support/browser';
import { ROOT, waitFor } from './support/processes';

const exec = promisify(execFile);

/** The two login steps as a browser sends them (cookies and CSRF tokens by hand); answers the portal's GET /v1/me. */
async function logInByHttp(portal: string, login: DemoLogin): Promise<unknown> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      jar.set(name, value);
    }
    return response;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrfOf = async (response: Response) => /name="csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? '';
  const post = (path: string, form: Record<string, string>) =>
    fetch(`${portal}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    }).then(remember);

  const loginCsrf = await csrfOf(remember(await fetch(`${portal}/inloggen`)));
  expect((await post('/inloggen', { csrf: loginCsrf, email: login.email, password: login.password })).status).toBe(303);
  const codeCsrf = await csrfOf(await fetch(`${portal}/inloggen/verificatiecode`, { headers: { cookie: cookie() } }));
  const code = generateSync({ secret: login.totpSecret as string });
  expect((await post('/inloggen/verificatiecode', { csrf: codeCsrf, code })).status).toBe(303);
  const me = await fetch(`${portal}/v1/me`, { headers: { cookie: cookie() } });
  expect(me.status).toBe(200);
  return me.json();
}

async function freePorts(count: number): Promise<number[]> {
  const { stdout } = await exec('node', [join(ROOT, 'scripts/free-port.js'), String(count)]);
  return stdout.trim().split(' ').map(Number);
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a newcomer runs it, with its own data directory and ports. */
function npmStart(dataDir: string, ports: number[], extra: Record<string, string> = {}): Started {
  const [api, worker, mail, pg, redis, portal, idp, brp] = ports;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    VIR_DATA_DIR: dataDir,
    PORT: String(api),
    WORKER_HEALTH_PORT: String(worker),
    DEV_SMTP_PORT: String(mail),
    DEV_PG_PORT: String(pg),
    DEV_REDIS_PORT: String(redis),
    PORTAL_PORT: String(portal),
    DEV_IDP_PORT: String(idp),
    DEV_BRP_PORT: String(brp),
    START_SKIP_BUILD: '1', // the suite runs on the build `npm test` made
    ...extra,
  };
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode === null && started.child.pid) process.kill(-started.child.pid, 'SIGINT');
  await started.exited;
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * The README's first command and every operator command the docs show, run as an operator runs
 * them: `npm start` in a fresh data directory, then `npm run cli -- …` beside it.
 */
describe('npm start and the documented operator commands', () => {
  let dataDir: string;
  let ports: number[];
  let running: Started;
  const adminKey = 'env-given-admin-key-0123456789abcdef';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vir-start-'));
    ports = await freePorts(8);
    running = npmStart(dataDir, ports, { VIR_BOOTSTRAP_ADMIN_KEY: adminKey });
    await waitFor(
      'npm start to announce it runs',
      () => running.output().includes('Press Ctrl-C to stop.') || running.child.exitCode !== null,
      120_000,
    );
  }, 150_000);
  afterAll(async () => {
    if (running) await stop(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await exec('npm', ['run', '-s', 'cli', '--', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, VIR_DATA_DIR: dataDir },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('runs the local BRP with the demo persons, behind a generated API key', async () => {
    const brpUrl = /BRP:\s+(\S+)/.exec(running.output())?.[1] as string;
    expect(brpUrl).toBe(`http://127.0.0.1:${ports[7]}/personen`);
    const key = /^BRP_DEV_API_KEY=(.+)$/m.exec(readFileSync(join(dataDir, 'secrets.env'), 'utf8'))?.[1] as string;
    const ask = (apiKey: string) =>
      fetch(brpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          type: 'RaadpleegMetBurgerservicenummer',
          burgerservicenummer: ['999993653'],
          fields: ['geboorte.datum'],
        }),
      });
    expect((await ask('wrong')).status).toBe(401);
    const answer = (await (await ask(key)).json()) as { personen: { geboorte: { datum: { datum: string } } }[] };
    expect(answer.personen.map((p) => p.geboorte.datum.datum)).toEqual(['2012-03-04']);
  });

  it('starts, prints URLs that answer, and its example commands make a first registration and a match', async () => {
    const output = running.output();
    expect(output).toContain('Verwijsindex is running.');
    const apiUrl = /API:\s+(\S+)/.exec(output)?.[1] as string;
    const index = await fetch(apiUrl);
    expect(index.status).toBe(200);
    expect(((await index.json()) as { links: { docs: string } }).links.docs).toMatch(/\/v1\/docs$/);
    expect((await fetch(/Health:\s+(\S+)/.exec(output)?.[1] as string)).status).toBe(200);
    // The environment wins over generated secrets: the given key is the administrator's.
    expect(output).toContain(`Bearer ${adminKey}`);
    expect((await fetch(`${apiUrl}/organisations`, { headers: { Authorization: `Bearer ${adminKey}` } })).status).toBe(
      200,
    );

    const commands = output.split('\n').filter((line) => line.trim().startsWith('curl '));
    expect(commands).toHaveLength(3);
    const first = JSON.parse((await exec('bash', ['-c', commands[0]])).stdout);
    expect(first).toMatchObject({ status: 'active', inform: 'youth_and_legal_representative' });
    await exec('bash', ['-c', commands[1]]);
    await waitFor(
      'the match signal',
      async () => JSON.parse((await exec('bash', ['-c', commands[2]])).stdout).items.length > 0,
      30_000,
    );
    // Demo data: reserved mail domains only, and credentials that are this install's own.
    const demo = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8');
    expect(demo).toMatch(/Bearer demo-ogvo-[A-Za-z0-9_-]{24}/);
    const breach = await fetch(`${apiUrl}/organisations?limit=200`, {
      headers: { Authorization: `Bearer ${adminKey}` },
    });
    const addresses = ((await breach.json()) as { items: { breachNotificationEmail: string }[] }).items
      .map((o: { breachNotificationEmail: string }) => o.breachNotificationEmail)
      .filter(Boolean);
    expect(addresses.length).toBeGreaterThan(10);
    for (const address of addresses) expect(address).toMatch(/\.example\.org$/);
  });

  it('prints the portal, writes the demo logins, and a demo person logs in with password and TOTP', async () => {
    const output = running.output();
    const portal = /^Portal: (\S+)\/inloggen$/m.exec(output)?.[1] as string;
    expect(portal).toBe(`http://localhost:${ports[5]}`);
    const logins = JSON.parse(readFileSync(join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
    for (const login of logins) {
      expect(Object.keys(login).sort()).toEqual(
        ['email', 'loginVia', 'municipalityCode', 'organisation', 'password', 'role', 'totpSecret'].sort(),
      );
      expect(login.email).toMatch(/\.example\.org$/);
    }
    const roles = new Set(logins.map((l) => l.role));
    for (const role of ['professional', 'coordinator', 'follow_up_officer', 'administrator', 'privacy_officer'])
      expect(roles).toContain(role);
    expect(
      new Set(logins.filter((l) => l.role === 'professional').map((l) => l.organisation)).size,
    ).toBeGreaterThanOrEqual(2);

    const professional = logins.find((l) => l.role === 'professional' && l.loginVia === 'password')!;
    const me = await logInByHttp(portal, professional);
    expect(me).toMatchObject({
      kind: 'person',
      organisation: { name: professional.organisation },
      roles: ['professional'],
    });
    expect(new Set(logins.map((l) => l.municipalityCode))).toEqual(new Set(['0983', '0889']));

    // One organisation logs in through the local demo identity provider npm start runs.
    const viaProvider = logins.find((l) => l.loginVia === 'oidc')!;
    expect(viaProvider).toMatchObject({ totpSecret: null });
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${portal}/inloggen`);
      let loaded = page.waitForEvent('load');
      await page.getByRole('button', { name: `Inloggen met ${viaProvider.organisation}` }).click();
      await loaded;
      await page.locator('input[name="login"]').fill(viaProvider.email);
      await page.locator('input[name="password"]').fill(viaProvider.password);
      loaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await loaded;
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      expect(await (await page.context().request.get(`${portal}/v1/me`)).json()).toMatchObject({
        organisation: { name: viaProvider.organisation },
        loginVia: 'oidc',
      });
    } finally {
      await close();
    }
  });

  it('runs every operator command the docs show, from the checkout, against this local instance', async () => {
    const docs = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f)),
    ]
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const shown = [...new Set([...docs.matchAll(/npm run cli -- ([^`\n|]+)/g)].map((m) => m[1].trim()))].filter(
      (c) => c !== '<command>',
    );
    expect(shown.length).toBeGreaterThanOrEqual(6);
    const created = await cli('admin', 'create', 'tweede beheerder');
    expect(created.code).toBe(0);
    const credentialId = /Administrator credential (\S+)/.exec(created.stdout)?.[1] as string;
    for (const command of shown) {
      const args = command
        .replace(/<id>|<credential-id>/g, credentialId)
        .replace(/\[label\]/g, '"nog een beheerder"')
        .replace(/\[anchor-file\]/g, join(dataDir, 'audit-anchors.jsonl'))
        .replace(/\[--json\]/g, '')
        .replace(/<cbs-code>/g, '0888')
        .replace(/<college-name>/g, '"Gemeente Proef"')
        .replace(/<email>/g, 'eerste.beheerder@gemeente-venlo.example.org')
        .replace(/<name>/g, '"Eerste Beheerder"')
        .match(/"[^"]*"|\S+/g)!
        .map((a) => a.replace(/^"|"$/g, ''));
      const result = await cli(...args);
      expect({ command, code: result.code, stderr: result.stderr.trim() }).toEqual({ command, code: 0, stderr: '' });
    }
  });

  it('refuses bad configuration with exit code 78, naming the key', async () => {
    const result = await exec('node', [join(ROOT, 'scripts/cli.js'), 'organisations', 'list'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, VIR_DATA_DIR: dataDir, VIR_PSEUDONYM_KEY: 'short' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 78 });
    expect((result as { stderr: string }).stderr).toContain('VIR_PSEUDONYM_KEY');
  });

  it('says on the console which process stopped, and why, and stops the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vir-start-'));
    const second = npmStart(dir, await freePorts(8));
    try {
      await waitFor('the second instance', () => second.output().includes('Press Ctrl-C to stop.'), 120_000);
      const pids = JSON.parse(readFileSync(join(dir, 'processes.json'), 'utf8')) as Record<string, number>;
      process.kill(pids.worker, 'SIGKILL');
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/the worker stopped \(signal SIGKILL\)\. Last lines of/);
    } finally {
      await stop(second);
      await exec('bash', [join(ROOT, 'scripts/services.sh'), 'stop', dir]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it.each([
    ['WORKER_HEALTH_PORT', 1],
    ['DEV_SMTP_PORT', 2],
    ['PORT', 0],
    ['DEV_REDIS_PORT', 4],
    ['DEV_PG_PORT', 3],
    ['PORTAL_PORT', 5],
    ['DEV_IDP_PORT', 6],
    ['DEV_BRP_PORT', 7],
  ])(
    'fails at once, naming %s, when its port is taken — and never stops the program on it',
    async (variable, index) => {
      const fresh = await freePorts(8);
      const squatter = await listen(fresh[index]);
      const dir = mkdtempSync(join(tmpdir(), 'vir-start-'));
      try {
        const attempt = npmStart(dir, fresh);
        expect(await attempt.exited).toBe(1);
        expect(attempt.output()).toContain(`Port ${fresh[index]}`);
        expect(attempt.output()).toContain(variable);
        expect(attempt.output()).not.toContain('Verwijsindex is running.');
        expect(squatter.listening).toBe(true);
      } finally {
        squatter.close();
        await exec('bash', [join(ROOT, 'scripts/services.sh'), 'stop', dir]).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
