'use strict';
// Shared pieces of the benchmarks: private PostgreSQL and Redis, the compiled api and worker
// as real processes, demo organisations made through the API, and fresh valid BSNs.
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, chmodSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/** Ports the OS says are free now (a benchmark never takes a fixed port another program may hold). */
function freePorts(count) {
  return execFileSync('node', [join(ROOT, 'scripts/free-port.js'), String(count)], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
}

/** `pgOptions` adds PostgreSQL settings to those of SERVICES_PG_OPTIONS. */
function startServices({ pgOptions = '' } = {}) {
  const [pgPort, redisPort] = freePorts(2);
  const dir = mkdtempSync(join(tmpdir(), 'vir-bench-'));
  chmodSync(dir, 0o755);
  const out = execFileSync(
    'bash',
    [join(ROOT, 'scripts/services.sh'), 'start', dir, String(pgPort), String(redisPort), 'vir_bench'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        SERVICES_DURABLE: '1',
        SERVICES_PG_OPTIONS: `${process.env.SERVICES_PG_OPTIONS ?? ''} ${pgOptions}`.trim(),
      },
    },
  ).trim();
  const [databaseUrl, redisUrl] = out.split(/\s+/).slice(-2);
  const stop = () => {
    try {
      execFileSync('bash', [join(ROOT, 'scripts/services.sh'), 'stop', dir]);
    } catch {
      /* already stopped */
    }
  };
  return { dir, pgPort, redisPort, databaseUrl, redisUrl, stop };
}

function appEnv(services, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    VIR_PSEUDONYM_KEY: 'bench-pseudonym-key-0123456789abcdef0123',
    VIR_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    VIR_AUDIT_KEY: 'bench-audit-key-0123456789abcdef0123456789',
    RATE_LIMIT_PER_MINUTE: '10000000',
    PORT: String(freePorts(1)[0]),
    ...extra,
  };
}

/** Starts a compiled app; BENCH_NODE_ARGS adds Node flags (e.g. "--cpu-prof --cpu-prof-dir=prof" to profile). */
function run(entry, env, args = []) {
  const flags = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn('node', [...flags, join(ROOT, entry), ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

async function waitForHttp(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function call(base, secret, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** `count` organisations with a coordinator, `perOrganisation` professionals and a registrations credential each. */
async function makeOrganisations(base, count, perOrganisation) {
  const organisations = [];
  for (let i = 0; i < count; i += 1) {
    const org = await call(base, ADMIN_KEY, 'POST', '/v1/organisations', {
      name: `Bench organisatie ${i} ${Date.now()}`,
      kind: 'youth_care',
      municipalityCode: '0983',
      agreementReference: 'BENCH',
    });
    const person = (role, n) =>
      call(base, ADMIN_KEY, 'POST', `/v1/organisations/${org.id}/professionals`, {
        name: `${role} ${n}`,
        email: `${role}${n}.${i}@bench.example`,
        phone: '+31 77 000 0000',
        role,
      });
    await person('coordinator', 0);
    const professionals = [];
    for (let p = 0; p < perOrganisation; p += 1) professionals.push((await person('professional', p)).id);
    const { secret } = await call(base, ADMIN_KEY, 'POST', `/v1/organisations/${org.id}/credentials`, {
      scopes: ['registrations'],
    });
    organisations.push({ id: org.id, secret, professionals });
  }
  return organisations;
}

let next = 100_000_000 + Math.floor(Math.random() * 100_000);
/** A fresh nine-digit number passing the eleven-test (test data, never a real person's). */
function freshBsn() {
  for (;;) {
    next += 1;
    const digits = String(next % 100_000_000).padStart(8, '0');
    let sum = 0;
    for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
    if (sum % 11 < 10) return `${digits}${sum % 11}`;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function pgbenchInserts(services, seconds = 20) {
  const url = services.databaseUrl;
  execFileSync('psql', [
    url,
    '-qc',
    'DROP TABLE IF EXISTS bench_t; CREATE TABLE bench_t (id bigserial primary key, v int, ts timestamptz default now())',
  ]);
  const script = join(services.dir, 'insert.sql');
  writeFileSync(script, '\\set r random(1, 1000000)\nINSERT INTO bench_t (v) VALUES (:r);\n');
  const out = execFileSync('pgbench', ['-n', '-c', '8', '-j', '2', '-T', String(seconds), '-f', script, url], {
    encoding: 'utf8',
  });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  execFileSync('psql', [url, '-qc', 'DROP TABLE bench_t']);
  return tps;
}

module.exports = {
  ROOT,
  ADMIN_KEY,
  freePorts,
  startServices,
  appEnv,
  run,
  waitForHttp,
  call,
  makeOrganisations,
  freshBsn,
  percentile,
  pgbenchInserts,
};
