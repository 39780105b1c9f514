'use strict';
// POST /v1/registrations against the real api and a real (durable) PostgreSQL: fresh valid BSNs,
// 50 connections, 30 s; then pgbench single-row inserts with 8 clients on the same server as the
// physical reference. Prints requests/s, p50, p99, errors and the ratio.
// BENCH_BRP=1: every registration is verified in the project's local BRP over HTTP (its persons file
// holds every BSN the run uses, each with an address); the time of the BRP requests, as the api measured them
// (vir_brp_request_duration_seconds), is printed separately.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const autocannon = require('autocannon');
const {
  appEnv,
  freePorts,
  freshBsn,
  makeOrganisations,
  pgbenchInserts,
  run,
  startServices,
  waitForHttp,
} = require('../lib');

const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WITH_BRP = process.env.BENCH_BRP === '1';
/** More BSNs than a run can register (the local BRP must know each). */
const BRP_PERSONS = Number(process.env.BENCH_BRP_PERSONS ?? 100_000);
const BRP_KEY = 'bench-brp-key-0123456789abcdef';

/** A local BRP that knows `count` fresh youths born on `birthDate`; answers its URL and the BSNs in order. */
async function startBrp(services, count, birthDate) {
  const bsns = Array.from({ length: count }, freshBsn);
  const file = join(services.dir, 'brp-persons.json');
  writeFileSync(
    file,
    JSON.stringify({
      // Each with a residential address of its own, as everyone registered in a municipality has one.
      personen: bsns.map((bsn, i) => ({
        burgerservicenummer: bsn,
        geboorte: { datum: { type: 'Datum', datum: birthDate, langFormaat: birthDate } },
        gemeenteVanInschrijving: { code: '0983', omschrijving: 'Venlo' },
        verblijfplaats: {
          type: 'Adres',
          adresseerbaarObjectIdentificatie: `0983${String(i + 1).padStart(12, '0')}`,
          verblijfadres: { postcode: `${5900 + (i % 99)} AB`, huisnummer: 1 + Math.floor(i / 99) },
        },
      })),
    }),
  );
  const [port] = freePorts(1);
  const brp = run('scripts/local-brp.js', { ...process.env, BRP_DEV_PERSONAS: file, BRP_DEV_API_KEY: BRP_KEY }, [
    String(port),
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`);
  return { brp, url, bsns };
}

/** Mean and p99 (the upper bound of its bucket) of one histogram in a Prometheus text exposition. */
function histogramFigures(text, name) {
  const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{[^}]*le="([^"]+)"[^}]*\\} (\\d+)`, 'gm'))].map(
    (m) => ({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), count: Number(m[2]) }),
  );
  const sum = Number(new RegExp(`^${name}_sum\\{[^}]*\\} ([\\d.e+-]+)`, 'm').exec(text)?.[1] ?? NaN);
  const count = Number(new RegExp(`^${name}_count\\{[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  const p99 = buckets.find((b) => b.count >= 0.99 * count)?.le;
  return {
    requests: count,
    meanMs: Number(((sum / count) * 1000).toFixed(2)),
    p99Ms: p99 === undefined ? NaN : p99 * 1000,
  };
}

async function main() {
  const services = startServices();
  const env = appEnv(services);
  const base = `http://127.0.0.1:${env.PORT}`;
  let api;
  let local;
  try {
    require('node:child_process').execFileSync('node', ['dist/apps/cli/src/main.js', 'migrate'], {
      env,
      stdio: 'inherit',
      cwd: require('../lib').ROOT,
    });
    const birthDate = '2012-06-15';
    if (WITH_BRP) {
      local = await startBrp(services, BRP_PERSONS, birthDate);
      Object.assign(env, { BRP_URL: local.url, BRP_API_KEY: BRP_KEY });
    }
    const youthBsn = WITH_BRP ? () => local.bsns.pop() : freshBsn;
    api = run('dist/apps/api/src/main.js', env);
    await waitForHttp(`${base}/health/live`);
    const organisations = await makeOrganisations(base, 10, 5);
    const professionals = organisations.flatMap((o) => o.professionals.map((id) => ({ id, secret: o.secret })));
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
              body: JSON.stringify({ professionalId: who.id, youth: { bsn: youthBsn(), birthDate } }),
            };
          },
        },
      ],
    });
    const brpTime = WITH_BRP
      ? histogramFigures(await (await fetch(`${base}/metrics`)).text(), 'vir_brp_request_duration_seconds')
      : undefined;
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    api = undefined;

    const tps = pgbenchInserts(services, Math.min(20, DURATION));
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
      ...(brpTime && {
        'BRP requests': brpTime.requests,
        'BRP mean ms': brpTime.meanMs,
        'BRP p99 ms (bucket)': brpTime.p99Ms,
      }),
    };
    console.log(
      '\nPOST /v1/registrations, %d connections, %d s%s',
      CONNECTIONS,
      DURATION,
      WITH_BRP ? ', verified in the local BRP' : '',
    );
    console.table(figures);
    console.log(JSON.stringify(figures));
  } finally {
    api?.kill('SIGTERM');
    local?.brp.kill('SIGTERM');
    services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
