'use strict';
// POST /v1/registrations against the real api and a real (durable) PostgreSQL: fresh valid BSNs,
// 50 connections, 30 s; then pgbench single-row inserts with 8 clients on the same server as the
// physical reference. Prints requests/s, p50, p99, errors and the ratio.
const autocannon = require('autocannon');
const { appEnv, freshBsn, makeOrganisations, pgbenchInserts, run, startServices, waitForHttp } = require('../lib');

const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function main() {
  const services = startServices();
  const env = appEnv(services);
  const base = `http://127.0.0.1:${env.PORT}`;
  let api;
  try {
    require('node:child_process').execFileSync('node', ['dist/apps/cli/src/main.js', 'migrate'], {
      env,
      stdio: 'inherit',
      cwd: require('../lib').ROOT,
    });
    api = run('dist/apps/api/src/main.js', env);
    await waitForHttp(`${base}/health/live`);
    const organisations = await makeOrganisations(base, 10, 5);
    const professionals = organisations.flatMap((o) => o.professionals.map((id) => ({ id, secret: o.secret })));
    const birthDate = '2012-06-15';
    let i = 0;

    // warm-up
    await autocannon({ url: `${base}/health/live`, connections: 10, duration: 2 });
    const result = await autocannon({
      url: `${base}/v1/registrations`,
      connections: CONNECTIONS,
      duration: DURATION,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => {
            const who = professionals[(i += 1) % professionals.length];
            return {
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${who.secret}` },
              body: JSON.stringify({ professionalId: who.id, youth: { bsn: freshBsn(), birthDate } }),
            };
          },
        },
      ],
    });
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    api = undefined;

    const tps = pgbenchInserts(services, 20);
    const rps = result.requests.average;
    const errors = result.non2xx + result.errors + result.timeouts;
    const figures = {
      'registrations/s': Math.round(rps),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'max ms': result.latency.max,
      requests: result.requests.total,
      errors,
      'pgbench inserts/s (8 clients)': Math.round(tps),
      'ratio to pgbench': Number((rps / tps).toFixed(2)),
    };
    console.log('\nPOST /v1/registrations, %d connections, %d s', CONNECTIONS, DURATION);
    console.table(figures);
    console.log(JSON.stringify(figures));
  } finally {
    api?.kill('SIGTERM');
    services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
