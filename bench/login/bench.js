'use strict';
// The portal's login round trip against the real portal process and a real (durable) PostgreSQL:
// login page, e-mail and password (argon2id verify), the code page, the TOTP code, the start page —
// once for each demo account (a TOTP step is never accepted twice, so each account logs in once),
// then the password step alone, one after another and 8 at a time. Prints milliseconds.
const { execFileSync } = require('node:child_process');
const { generateSync } = require('otplib');
const { appEnv, freePorts, percentile, ROOT, run, startServices, waitForHttp } = require('../lib');

const PASSWORD_STEPS = Number(process.env.BENCH_PASSWORD_STEPS ?? 200);

function cookieJar() {
  const jar = new Map();
  return {
    take(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

const csrfOf = (html) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function passwordStep(base, login, jar) {
  const page = jar.take(await fetch(`${base}/inloggen`, { headers: { cookie: jar.header() } }));
  const csrf = csrfOf(await page.text());
  const answer = jar.take(
    await fetch(`${base}/inloggen`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, email: login.email, password: login.password }),
    }),
  );
  if (answer.status !== 303) throw new Error(`password step answered ${answer.status}`);
}

async function fullLogin(base, login) {
  const jar = cookieJar();
  const started = performance.now();
  await passwordStep(base, login, jar);
  const codePage = await fetch(`${base}/inloggen/verificatiecode`, { headers: { cookie: jar.header() } });
  const csrf = csrfOf(await codePage.text());
  const answer = jar.take(
    await fetch(`${base}/inloggen/verificatiecode`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, code: generateSync({ secret: login.totpSecret }) }),
    }),
  );
  if (answer.status !== 303) throw new Error(`code step answered ${answer.status}`);
  const home = await fetch(`${base}/`, { headers: { cookie: jar.header() } });
  if (!(await home.text()).includes('Uitloggen')) throw new Error('not logged in');
  return performance.now() - started;
}

const summary = (label, times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label}: n ${sorted.length}, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;
};

async function main() {
  const services = startServices();
  const [portalPort] = freePorts(1);
  const env = appEnv(services, {
    NODE_ENV: 'development', // demo accounts are refused in production
    PORTAL_PORT: String(portalPort),
    PORTAL_URL: `http://127.0.0.1:${portalPort}`,
    LOGIN_FAILURES_PER_SOURCE: '10000',
  });
  const base = env.PORTAL_URL;
  let portal;
  try {
    execFileSync('node', ['dist/apps/cli/src/main.js', 'migrate'], { env, cwd: ROOT, stdio: 'ignore' });
    const demo = JSON.parse(
      execFileSync('node', ['dist/apps/cli/src/main.js', 'seed-demo', '--json'], { env, cwd: ROOT, encoding: 'utf8' }),
    );
    const logins = demo.logins.filter((l) => l.loginVia === 'password');
    portal = run('dist/apps/portal/src/main.js', env);
    await waitForHttp(`${base}/health/live`);
    await passwordStep(base, logins[0], cookieJar()); // warm-up

    const rounds = [];
    for (const login of logins) rounds.push(await fullLogin(base, login));
    const sequential = [];
    for (let i = 0; i < PASSWORD_STEPS; i += 1) {
      const started = performance.now();
      await passwordStep(base, logins[i % logins.length], cookieJar());
      sequential.push(performance.now() - started);
    }
    const parallel = [];
    const startedAll = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = worker; i < PASSWORD_STEPS; i += 8) {
          const started = performance.now();
          await passwordStep(base, logins[i % logins.length], cookieJar());
          parallel.push(performance.now() - started);
        }
      }),
    );
    const perSecond = (PASSWORD_STEPS / ((performance.now() - startedAll) / 1000)).toFixed(1);
    console.log(summary('login round trip (5 requests, password + TOTP)', rounds));
    console.log(summary('password step (2 requests), one at a time', sequential));
    console.log(`${summary('password step, 8 at a time', parallel)}, ${perSecond} steps/s`);
  } finally {
    portal?.kill('SIGTERM');
    services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
