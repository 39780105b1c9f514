#!/usr/bin/env node
/*
 * `npm start`: the whole service on this machine with a working local default — PostgreSQL and
 * Redis (unless DATABASE_URL and REDIS_URL are set), migrations, the Venlo demo data, a mail
 * catcher, a demo identity provider, the local BRP (unless BRP_URL is set), the worker, the api and the portal. Every port is checked before anything is announced; a process
 * that stops later is named on the console with its last log lines. Ctrl-C stops what it started.
 *
 * Settings (environment): PORT (3000), WORKER_HEALTH_PORT (3001), PORTAL_PORT (3002), DEV_IDP_PORT (3003), DEV_BRP_PORT (3004), DEV_SMTP_PORT (1025),
 * DEV_PG_PORT (54329), DEV_REDIS_PORT (63799), VIR_DATA_DIR (.data/dev), KEEP_SERVICES=1 (leave
 * PostgreSQL and Redis running), START_SKIP_BUILD=1 (use the existing build). Secrets given in the
 * environment win; only missing ones are generated, once, into <data dir>/secrets.env.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const env = { ...process.env };
const dataDir = path.resolve(ROOT, env.VIR_DATA_DIR || '.data/dev');
const log = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
};

const PORTS = {
  api: { variable: 'PORT', port: Number(env.PORT || 3000), what: 'the api' },
  worker: {
    variable: 'WORKER_HEALTH_PORT',
    port: Number(env.WORKER_HEALTH_PORT || 3001),
    what: "the worker's health port",
  },
  portal: { variable: 'PORTAL_PORT', port: Number(env.PORTAL_PORT || 3002), what: 'the portal' },
  idp: { variable: 'DEV_IDP_PORT', port: Number(env.DEV_IDP_PORT || 3003), what: 'the demo identity provider' },
  mail: { variable: 'DEV_SMTP_PORT', port: Number(env.DEV_SMTP_PORT || 1025), what: 'the local mail catcher' },
  brp: { variable: 'DEV_BRP_PORT', port: Number(env.DEV_BRP_PORT || 3004), what: 'the local BRP' },
};
const PG_PORT = Number(env.DEV_PG_PORT || 54329);
const REDIS_PORT = Number(env.DEV_REDIS_PORT || 63799);

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Secrets: the environment wins; what is missing comes from (or is generated into) secrets.env. */
function secrets() {
  const file = path.join(dataDir, 'secrets.env');
  const stored = {};
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) stored[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  const generators = {
    VIR_PSEUDONYM_KEY: () => randomBytes(32).toString('base64url'),
    VIR_AUDIT_KEY: () => randomBytes(32).toString('base64url'),
    VIR_BOOTSTRAP_ADMIN_KEY: () => `local-admin-${randomBytes(18).toString('base64url')}`,
    DEV_IDP_CLIENT_SECRET: () => randomBytes(24).toString('base64url'),
    BRP_DEV_API_KEY: () => randomBytes(24).toString('base64url'),
  };
  let changed = false;
  for (const [key, make] of Object.entries(generators)) {
    if (env[key]) continue;
    if (!stored[key]) {
      stored[key] = make();
      changed = true;
    }
    env[key] = stored[key];
  }
  if (changed)
    fs.writeFileSync(
      file,
      `${Object.entries(stored)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')}\n`,
      { mode: 0o600 },
    );
}

function runOrFail(what, command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', ...options });
  if (result.status !== 0)
    fail(
      `${what} failed (exit code ${result.status}):\n${(result.stderr || '').trim() || (result.stdout || '').trim()}`,
    );
  return result.stdout;
}

const children = [];
let stopping = false;

function start(name, script, logFile, args = []) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const entry = { name, child, logFile, exited: null };
  child.on('exit', (code, signal) => {
    entry.exited = { code, signal };
    if (stopping) return;
    const tail = fs.existsSync(logFile)
      ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n')
      : '';
    process.stderr.write(
      `\n${name} stopped (${signal ? `signal ${signal}` : `exit code ${code}`}). Last lines of ${path.relative(ROOT, logFile)}:\n${tail}\n`,
    );
    void shutdown(1);
  });
  children.push(entry);
  return entry;
}

async function waitHealthy(entry, port, probe = '/health/live') {
  for (let i = 0; i < 300; i += 1) {
    if (entry.exited) return false;
    const ok = await fetch(`http://127.0.0.1:${port}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

let ownServices = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const { child, exited } of children) if (!exited) child.kill('SIGTERM');
  await Promise.all(
    children.map(({ child, exited }) => (exited ? undefined : new Promise((resolve) => child.once('exit', resolve)))),
  );
  if (ownServices && env.KEEP_SERVICES !== '1')
    spawnSync('bash', ['scripts/services.sh', 'stop', dataDir], { cwd: ROOT, stdio: 'inherit' });
  process.exit(code);
}

function alive(pidFile) {
  try {
    process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  const needed = Object.values(PORTS);
  if (!env.DATABASE_URL || !env.REDIS_URL) {
    // PostgreSQL and Redis of this data directory may still run (KEEP_SERVICES=1): those are ours to reuse.
    if (!alive(path.join(dataDir, 'pg', 'postmaster.pid')))
      needed.push({ variable: 'DEV_PG_PORT', port: PG_PORT, what: 'the local PostgreSQL' });
    if (!alive(path.join(dataDir, 'redis.pid')))
      needed.push({ variable: 'DEV_REDIS_PORT', port: REDIS_PORT, what: 'the local Redis' });
  }
  for (const { variable, port, what } of needed) {
    if (await portInUse(port))
      fail(
        `Port ${port}, needed for ${what}, is taken by another program. Set ${variable} to a free port, e.g. ${variable}=${port + 10} npm start.`,
      );
  }

  if (!env.DATABASE_URL || !env.REDIS_URL) {
    log(
      `Starting local PostgreSQL (port ${PG_PORT}) and Redis (port ${REDIS_PORT}), data in ${path.relative(ROOT, dataDir) || dataDir} ...`,
    );
    const urls = runOrFail(
      'Starting PostgreSQL and Redis',
      'bash',
      ['scripts/services.sh', 'start', dataDir, String(PG_PORT), String(REDIS_PORT), 'verwijsindex'],
      {
        env: { ...env, SERVICES_PG_PORT_VAR: 'DEV_PG_PORT', SERVICES_REDIS_PORT_VAR: 'DEV_REDIS_PORT' },
      },
    );
    const [database, redis] = urls.trim().split(/\s+/);
    env.DATABASE_URL ||= database;
    env.REDIS_URL ||= redis;
    ownServices = true;
  }
  secrets();
  env.NODE_ENV ||= 'development';
  env.PORT = String(PORTS.api.port);
  env.WORKER_HEALTH_PORT = String(PORTS.worker.port);
  env.VIR_PUBLIC_URL ||= `http://localhost:${PORTS.api.port}`;
  env.PORTAL_PORT = String(PORTS.portal.port);
  env.PORTAL_URL ||= `http://localhost:${PORTS.portal.port}`;
  env.AUDIT_ANCHOR_FILE ||= path.join(dataDir, 'audit-anchors.jsonl');
  const production = env.NODE_ENV === 'production';
  if (!production) env.WEBHOOK_ALLOW_PRIVATE_TARGETS ||= 'true';
  // The demo identity provider speaks plain http on loopback.
  if (!production) env.OIDC_ALLOW_HTTP ||= 'true';
  const idpIssuer = `http://127.0.0.1:${PORTS.idp.port}`;
  const idpClient = 'verwijsindex-demo';
  const mailDir = path.join(dataDir, 'mail');
  const catchMail = !env.SMTP_URL && !production;
  if (catchMail) env.SMTP_URL = `smtp://127.0.0.1:${PORTS.mail.port}`;
  // The local BRP with the demo persons (BRP_DEV_PERSONAS chooses another file), unless a BRP is configured.
  const localBrp = !env.BRP_URL && !production;
  if (localBrp) {
    env.BRP_URL = `http://127.0.0.1:${PORTS.brp.port}`;
    // The local BRP serves the BRP Update API (volgindicaties, wijzigingen) beside the Personen API.
    env.BRP_UPDATE_URL = env.BRP_URL;
    env.BRP_API_KEY = env.BRP_DEV_API_KEY;
  }

  // What `npm run cli` beside this checkout needs to find this database and its keys.
  const runtime = [
    'DATABASE_URL',
    'REDIS_URL',
    'VIR_PUBLIC_URL',
    'PORTAL_URL',
    'AUDIT_ANCHOR_FILE',
    'NODE_ENV',
    // `brp check` beside this checkout asks the local BRP.
    ...(localBrp ? ['BRP_URL', 'BRP_API_KEY'] : []),
  ].map((key) => `${key}=${env[key]}`);
  fs.writeFileSync(path.join(dataDir, 'runtime.env'), `${runtime.join('\n')}\n`, { mode: 0o600 });

  if (env.START_SKIP_BUILD !== '1') {
    log('Building ...');
    runOrFail('The build', 'npm', ['run', '-s', 'build']);
  }
  runOrFail('Migrating the database', process.execPath, ['dist/apps/cli/src/main.js', 'migrate']);
  let demo;
  if (!production) {
    demo = JSON.parse(
      runOrFail('Loading the demo data', process.execPath, [
        'dist/apps/cli/src/main.js',
        'seed-demo',
        '--json',
        '--idp',
        idpIssuer,
        idpClient,
        env.DEV_IDP_CLIENT_SECRET,
      ]),
    );
    fs.writeFileSync(
      path.join(dataDir, 'demo-credentials.txt'),
      `${demo.credentials.map((c) => `${c.organisation.padEnd(40)} Bearer ${c.secret}   (${c.scopes.join(', ')})`).join('\n')}\n`,
      { mode: 0o600 },
    );
    fs.writeFileSync(path.join(dataDir, 'demo-logins.json'), `${JSON.stringify(demo.logins, null, 2)}\n`, {
      mode: 0o600,
    });
    // The demo identity provider knows the portal as its client and the people who log in through it.
    const accounts = Object.fromEntries(
      demo.logins.filter((l) => l.loginVia === 'oidc').map((l) => [l.email, { email: l.email, email_verified: true }]),
    );
    fs.writeFileSync(
      path.join(dataDir, 'demo-idp.json'),
      JSON.stringify({
        issuer: idpIssuer,
        clients: [
          {
            client_id: idpClient,
            client_secret: env.DEV_IDP_CLIENT_SECRET,
            redirect_uris: [`${env.PORTAL_URL}/inloggen/sso/terug`],
          },
        ],
        accounts,
      }),
      { mode: 0o600 },
    );
  }

  if (catchMail)
    start('the mail catcher', 'scripts/mail-catcher.js', path.join(dataDir, 'mail-catcher.log'), [
      mailDir,
      String(PORTS.mail.port),
    ]);
  const idp = demo
    ? start('the demo identity provider', 'scripts/demo-idp.mjs', path.join(dataDir, 'demo-idp.log'), [
        String(PORTS.idp.port),
        path.join(dataDir, 'demo-idp.json'),
      ])
    : undefined;
  const brp = localBrp
    ? start('the local BRP', 'scripts/local-brp.js', path.join(dataDir, 'local-brp.log'), [String(PORTS.brp.port)])
    : undefined;
  const worker = start('the worker', 'dist/apps/worker/src/main.js', path.join(dataDir, 'worker.log'));
  const api = start('the api', 'dist/apps/api/src/main.js', path.join(dataDir, 'api.log'));
  const portal = start('the portal', 'dist/apps/portal/src/main.js', path.join(dataDir, 'portal.log'));
  for (const [entry, port, probe] of [
    [worker, PORTS.worker.port],
    [api, PORTS.api.port],
    [portal, PORTS.portal.port],
    ...(idp ? [[idp, PORTS.idp.port, '/.well-known/openid-configuration']] : []),
    ...(brp ? [[brp, PORTS.brp.port, '/health']] : []),
  ]) {
    if (!(await waitHealthy(entry, port, probe))) {
      if (!entry.exited) fail(`${entry.name} did not become healthy on port ${port}; see ${entry.logFile}`);
      return; // its exit handler has said why and is stopping the rest
    }
  }
  // Which process is which, for an operator who wants to look at one.
  fs.writeFileSync(
    path.join(dataDir, 'processes.json'),
    JSON.stringify(Object.fromEntries(children.map((c) => [c.name.replace(/^the /, ''), c.child.pid]))),
  );

  const base = `http://localhost:${PORTS.api.port}`;
  const rel = (file) => path.relative(ROOT, file) || file;
  log('');
  log('Verwijsindex is running.');
  log(`Portal: ${env.PORTAL_URL}/inloggen`);
  log(`  API:          ${base}/v1`);
  log(`  API docs:     ${base}/v1/docs   (OpenAPI: ${base}/v1/openapi.json)`);
  log(`  Health:       ${base}/health/ready   Metrics: ${base}/metrics`);
  log(
    `  Logs:         ${['api', 'worker', 'portal'].map((name) => rel(path.join(dataDir, `${name}.log`))).join(', ')}`,
  );
  if (catchMail)
    log(`  Signal mail:  ${rel(path.join(mailDir, 'index.txt'))} (one .eml file per message; local mail catcher)`);
  if (localBrp)
    log(
      `  BRP:          ${env.BRP_URL}/personen (local BRP; demo persons of ${rel(env.BRP_DEV_PERSONAS || path.join(ROOT, 'scripts/local-brp.personas.json'))})`,
    );
  if (demo)
    log(
      `  Demo logins:  ${rel(path.join(dataDir, 'demo-logins.json'))} (e-mail, password and TOTP secret of each demo person; ${idpIssuer} is the demo identity provider of ${demo.logins.find((l) => l.loginVia === 'oidc')?.organisation ?? 'none'})`,
    );
  log('');
  log('Administrator (gemeente) credential:');
  log(`  Authorization: Bearer ${env.VIR_BOOTSTRAP_ADMIN_KEY}`);
  if (demo) {
    const [first, second] = demo.credentials.filter(
      (c) => c.scopes.includes('registrations') && !c.scopes.includes('follow-up'),
    );
    log('');
    log(
      `Demo credentials of the Venlo covenant partners (all ${demo.credentials.length} in ${rel(path.join(dataDir, 'demo-credentials.txt'))}):`,
    );
    for (const c of [first, second])
      log(
        `  ${c.organisation}: Bearer ${c.secret}  (organisation ${c.organisationId}, professional ${c.professionalId})`,
      );
    log('');
    log(
      'A first registration (999993653 is a BSN of the official test set), then the same youth by a second organisation — a match:',
    );
    for (const c of [first, second]) {
      log(
        `  curl -s -X POST ${base}/v1/registrations -H 'Authorization: Bearer ${c.secret}' -H 'Content-Type: application/json' ` +
          `-d '{"professionalId":"${c.professionalId}","youth":{"bsn":"999993653","birthDate":"2012-03-04"}}'`,
      );
    }
    log(`  curl -s ${base}/v1/signals -H 'Authorization: Bearer ${second.secret}'`);
  }
  log('');
  log(
    'Operator commands: npm run cli -- <command> (finds this database and its keys by itself). Press Ctrl-C to stop.',
  );
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error) => fail(error.stack || String(error)));
