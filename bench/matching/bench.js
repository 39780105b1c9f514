'use strict';
// End to end: registrations at a steady rate through the real api, matched by the real worker.
// 30% of youths get 2–4 registrations from different professionals. Prints the rate achieved,
// the latency from the api's 201 to the newcomer's signal row (p50, p99, max), expected against
// created matches and signals, and duplicates. Then preloads 1,000,000 active registrations and
// runs again, to show that matching cost does not grow with the size of the index.
// BENCH_FAMILIES=1: every registration is verified in the project's local BRP, and 30% of the youths
// have a sibling (the same two parents in the BRP) registered 0.2–3 s later by another professional:
// prints the family-match latency (the sibling's 201 → its registrant's family signal) besides.
// BENCH_ADDRESSES=1 (with BENCH_FAMILIES=1): every youth also has a residential address in the BRP
// (siblings share theirs) and the college's address match is on: every registration stores its
// address and every sibling's goes through the address's lock — the cost of the address match.
const { execFileSync, fork } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Client } = require('pg');
const { Pool } = require('undici');
const {
  ROOT,
  ADMIN_KEY,
  appEnv,
  call,
  freePorts,
  freshBsn,
  makeOrganisations,
  percentile,
  run,
  startServices,
  waitForHttp,
} = require('../lib');

/** Starts receiver.js in its own process; `collect()` moves what arrived into `arrivals`. */
function startReceiver() {
  const child = fork(join(__dirname, 'receiver.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals = new Map();
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', ({ port }) => {
      const base = `http://127.0.0.1:${port}`;
      const collect = async () => {
        for (const [signalId, at] of await (await fetch(`${base}/arrivals`)).json()) arrivals.set(signalId, at);
      };
      resolve({ url: `${base}/events`, arrivals, collect, close: () => child.kill() });
    });
  });
}

/**
 * POSTs JSON over a bounded pool of keep-alive connections (like a case system's client would).
 * undici's pool costs less CPU per request than node:http (the load generator 16.9 → 14.3 CPU
 * seconds in a run), and the load generator shares the machine with the service it measures.
 */
let pool;
async function post(url, secret, body) {
  const target = new URL(url);
  pool ??= new Pool(target.origin, { connections: Number(process.env.BENCH_CONNECTIONS ?? 64) });
  const response = await pool.request({
    path: target.pathname,
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, json: JSON.parse(text || '{}') };
}

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 1_000_000);
/** 1: every organisation has a webhook, and delivery latency is measured too; 0: matching only. */
const WEBHOOKS = (process.env.BENCH_WEBHOOKS ?? '1') === '1';
const FAMILIES = process.env.BENCH_FAMILIES === '1';
const ADDRESSES = FAMILIES && process.env.BENCH_ADDRESSES === '1';
const BIRTH_DATE = '2011-05-05';
const BRP_KEY = 'bench-brp-key-0123456789abcdef';
const TUNING = ['MATCH_CONCURRENCY', 'MATCH_BATCHES', 'DELIVERY_CONCURRENCY', 'DATABASE_POOL_SIZE', 'SMTP_URL'];

async function waitSettled(db) {
  for (;;) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS unpublished,
              (SELECT count(*) FROM registrations WHERE status = 'active' AND match_checked_at IS NULL)::int AS unchecked`,
    );
    if (rows[0].unpublished === 0 && rows[0].unchecked === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The youths of a families run, all in the local BRP's persons file: `singles` without siblings and
 * `pairs` of siblings with the same two parents, each drawn once.
 */
function familyPool(count) {
  let addresses = 0;
  const nextAddress = () => {
    addresses += 1;
    return {
      type: 'Adres',
      adresseerbaarObjectIdentificatie: `0983${String(addresses).padStart(12, '0')}`,
      verblijfadres: { postcode: `${5900 + (addresses % 99)} AA`, huisnummer: addresses },
    };
  };
  const person = (bsn, parents, address = ADDRESSES ? nextAddress() : undefined) => ({
    burgerservicenummer: bsn,
    geboorte: { datum: { type: 'Datum', datum: BIRTH_DATE, langFormaat: BIRTH_DATE } },
    ...(parents && { ouders: parents.map((parent) => ({ burgerservicenummer: parent })) }),
    ...(address && { verblijfplaats: address, gemeenteVanInschrijving: { code: '0983', omschrijving: 'Venlo' } }),
  });
  const singles = [];
  const pairs = [];
  const personen = [];
  for (let i = 0; i < count; i += 1) {
    const parents = [freshBsn(), freshBsn()];
    const a = person(freshBsn(), parents);
    const b = person(freshBsn(), parents, a.verblijfplaats);
    personen.push(a, b);
    pairs.push([{ bsn: a.burgerservicenummer }, { bsn: b.burgerservicenummer }]);
    const single = person(freshBsn(), [freshBsn()]);
    personen.push(single);
    singles.push({ bsn: single.burgerservicenummer });
  }
  return { personen, singles, pairs };
}

let pool_ = null;
/** The next youth to register, and (30% in a families run) a sibling to register after it. */
function nextYouth() {
  if (!pool_) return { youth: { bsn: freshBsn() }, sibling: null };
  if (Math.random() < 0.3) {
    const [youth, sibling] = pool_.pairs.pop();
    return { youth, sibling };
  }
  return { youth: pool_.singles.pop(), sibling: null };
}

async function startBrp(dir) {
  pool_ = familyPool(Math.ceil(RATE * (2 * SECONDS + 15) * 1.2));
  const file = join(dir, 'brp-persons.json');
  writeFileSync(file, JSON.stringify({ personen: pool_.personen }));
  const [port] = freePorts(1);
  const brp = run('scripts/local-brp.js', { ...process.env, BRP_DEV_PERSONAS: file, BRP_DEV_API_KEY: BRP_KEY }, [
    String(port),
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, 120_000);
  return { brp, url };
}

async function round(base, professionals, db, label, seconds, receiver) {
  const startedAt = Date.now();
  const followUps = []; // { due, youth, who }
  const sent = [];
  let inFlight = 0;
  let errors = 0;
  const errorKinds = {};
  const failed = (kind) => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const expectations = [];
  let siblings = 0;

  const send = (youth, who, expectSignal, expectFamily = false) => {
    inFlight += 1;
    const body = JSON.stringify({ professionalId: who.id, youth: { bsn: youth.bsn, birthDate: BIRTH_DATE } });
    post(`${base}/v1/registrations`, who.secret, body)
      .then(({ status, json }) => {
        if (status !== 201) failed(`http ${status} ${json.code ?? ''}`.trim());
        else sent.push({ id: json.id, at: Date.now(), expectSignal, expectFamily });
      })
      .catch((error) => failed(`${error.name}: ${error.code ?? error.message}`))
      .finally(() => (inFlight -= 1));
  };

  let issued = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (Date.now() - startedAt) / 1000;
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
        return;
      }
      const target = Math.floor(elapsed * RATE);
      const now = Date.now();
      while (issued < target) {
        const due = followUps.findIndex((f) => f.due <= now);
        if (due >= 0) {
          const [f] = followUps.splice(due, 1);
          send(f.youth, f.who, !f.family, f.family);
        } else {
          const k = Math.random() < 0.3 ? 2 + Math.floor(Math.random() * 3) : 1;
          const chosen = new Set();
          while (chosen.size < k) chosen.add(professionals[Math.floor(Math.random() * professionals.length)]);
          const [first, ...rest] = [...chosen];
          const { youth, sibling } = nextYouth();
          expectations.push(k);
          send(youth, first, false);
          for (const who of rest) followUps.push({ due: now + 200 + Math.random() * 2800, youth, who });
          if (sibling) {
            let who;
            do who = professionals[Math.floor(Math.random() * professionals.length)];
            while (chosen.has(who));
            siblings += 1;
            followUps.push({ due: now + 200 + Math.random() * 2800, youth: sibling, who, family: true });
          }
        }
        issued += 1;
      }
    }, 5);
  });
  // Registrations scheduled after the end still go out, so every youth gets its planned k.
  for (const f of followUps.splice(0)) send(f.youth, f.who, !f.family, f.family);
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const duration = (Date.now() - startedAt) / 1000;
  await waitSettled(db);

  const ids = sent.filter((s) => s.expectSignal).map((s) => s.id);
  const { rows } = await db.query(
    `SELECT s.trigger_registration_id AS id, s.id AS signal_id, (extract(epoch FROM pg_xact_commit_timestamp(s.xmin)) * 1000)::bigint AS at
       FROM signals s JOIN registrations r ON r.id = s.trigger_registration_id
      WHERE s.trigger_registration_id = ANY($1) AND s.recipient_professional_id = r.professional_id AND s.recipient_role = 'participant'
        ${FAMILIES ? "AND s.match_kind = 'same_youth'" : ''}`,
    [ids],
  );
  const familyIds = sent.filter((s) => s.expectFamily).map((s) => s.id);
  const familyAt = FAMILIES
    ? new Map(
        (
          await db.query(
            // The sibling's registrant is told by the first family signal of the sibling's family match:
            // triggered by the sibling's registration, or by the other youth's when that one came later.
            `SELECT mp.registration_id AS id,
                    min(extract(epoch FROM pg_xact_commit_timestamp(s.xmin)) * 1000)::bigint AS at
               FROM match_participants mp JOIN matches m ON m.id = mp.match_id AND m.kind = 'family'
               JOIN signals s ON s.match_id = mp.match_id AND s.recipient_professional_id = mp.professional_id
                             AND s.recipient_role = 'participant'
              WHERE mp.registration_id = ANY($1)
              GROUP BY mp.registration_id`,
            [familyIds],
          )
        ).rows.map((r) => [r.id, Number(r.at)]),
      )
    : new Map();
  const familyLatencies = sent
    .filter((s) => s.expectFamily && familyAt.has(s.id))
    .map((s) => Math.max(0, familyAt.get(s.id) - s.at))
    .sort((a, b) => a - b);
  const signalAt = new Map(rows.map((r) => [r.id, Number(r.at)]));
  // Webhook deliveries are asynchronous: wait until every newcomer's event has arrived (or 60 s).
  const waitUntil = Date.now() + (WEBHOOKS ? 60_000 : 0);
  const { arrivals } = receiver;
  for (;;) {
    await receiver.collect();
    if (!rows.some((r) => !arrivals.has(r.signal_id)) || Date.now() >= waitUntil) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const sentAt = new Map(sent.map((x) => [x.id, x.at]));
  const webhookLatencies = rows
    .filter((r) => arrivals.has(r.signal_id))
    .map((r) => Math.max(0, arrivals.get(r.signal_id) - sentAt.get(r.id)))
    .sort((a, b) => a - b);
  const latencies = sent
    .filter((s) => s.expectSignal && signalAt.has(s.id))
    .map((s) => Math.max(0, signalAt.get(s.id) - s.at))
    .sort((a, b) => a - b);
  const expectedMatches = expectations.filter((k) => k >= 2).length;
  const expectedParticipantSignals = expectations.reduce((sum, k) => sum + (k >= 2 ? ((k - 1) * (k + 2)) / 2 : 0), 0);
  const created = (
    await db.query(
      FAMILIES
        ? `SELECT (SELECT count(DISTINCT mp.match_id) FROM match_participants mp JOIN matches m ON m.id = mp.match_id
                    WHERE mp.registration_id = ANY($1) AND m.kind = 'same_youth')::int AS matches,
                  (SELECT count(DISTINCT mp.match_id) FROM match_participants mp JOIN matches m ON m.id = mp.match_id
                    WHERE mp.registration_id = ANY($1) AND m.kind = 'family')::int AS family_matches,
                  (SELECT count(DISTINCT mp.match_id) FROM match_participants mp JOIN matches m ON m.id = mp.match_id
                    WHERE mp.registration_id = ANY($1) AND m.kind = 'address')::int AS address_matches,
                  (SELECT count(*) FROM signals WHERE trigger_registration_id = ANY($1) AND recipient_role = 'participant'
                      AND match_kind = 'same_youth')::int AS signals,
                  (SELECT count(*) FROM (SELECT 1 FROM signals WHERE trigger_registration_id = ANY($1)
                     GROUP BY trigger_registration_id, recipient_professional_id, kind, match_id HAVING count(*) > 1) d)::int AS duplicates`
        : `SELECT (SELECT count(DISTINCT mp.match_id) FROM match_participants mp WHERE mp.registration_id = ANY($1))::int AS matches,
              (SELECT count(*) FROM signals WHERE trigger_registration_id = ANY($1) AND recipient_role = 'participant')::int AS signals,
              (SELECT count(*) FROM (SELECT 1 FROM signals WHERE trigger_registration_id = ANY($1)
                 GROUP BY trigger_registration_id, recipient_professional_id, kind HAVING count(*) > 1) d)::int AS duplicates`,
      [sent.map((s) => s.id)],
    )
  ).rows[0];
  const figures = {
    round: label,
    seconds,
    'registrations sent': sent.length + errors,
    'registrations/s achieved': Math.round(sent.length / duration),
    errors,
    'p50 ms (201 → signal)': percentile(latencies, 50),
    'p99 ms (201 → signal)': percentile(latencies, 99),
    'max ms': latencies[latencies.length - 1],
    ...(WEBHOOKS
      ? {
          'p50 ms (201 → webhook arrived)': percentile(webhookLatencies, 50),
          'p99 ms (201 → webhook arrived)': percentile(webhookLatencies, 99),
          'webhooks not arrived': rows.length - webhookLatencies.length,
        }
      : {}),
    'expected matches': expectedMatches,
    'created matches': created.matches,
    'expected participant signals': expectedParticipantSignals,
    'created participant signals': created.signals,
    'signals without a measured latency': ids.length - latencies.length,
    ...(FAMILIES
      ? {
          'p50 ms (sibling 201 → family signal)': percentile(familyLatencies, 50),
          'p99 ms (sibling 201 → family signal)': percentile(familyLatencies, 99),
          'expected family matches': siblings,
          'created family matches': created.family_matches,
          ...(ADDRESSES && {
            // Siblings share their address but are told by their family match; no other youths share one.
            'address matches (expected 0)': created.address_matches,
          }),
          'siblings without a family signal': familyIds.length - familyLatencies.length,
        }
      : {}),
    duplicates: created.duplicates,
  };
  console.table(figures);
  // Where in the round the slow ones were: a steady tail, or one stall.
  const slices = new Map();
  for (const x of sent) {
    if (!x.expectSignal || !signalAt.has(x.id)) continue;
    const slice = Math.floor((x.at - startedAt) / 10_000);
    if (!slices.has(slice)) slices.set(slice, []);
    slices.get(slice).push(signalAt.get(x.id) - x.at);
  }
  const timeline = [...slices]
    .sort(([a], [b]) => a - b)
    .map(
      ([slice, values]) =>
        `${slice * 10}s: ${percentile(
          values.sort((a, b) => a - b),
          99,
        )}`,
    );
  console.log(`p99 ms (201 → signal) per 10 s of the round: ${timeline.join(', ')}`);
  if (errors > 0) console.log('errors by kind', errorKinds);
  console.log(JSON.stringify(figures));
  return figures;
}

/**
 * Both measured rounds start from the same state: every table vacuumed and analysed (as autovacuum
 * keeps them on a running system) and a checkpoint just taken. Without it the planner takes tables
 * the warm-up filled for empty ones, autovacuum's first pass over every table falls into the
 * round, and after the preload a million rows' writes would still be on their way to disk.
 */
async function settle(db) {
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
}

async function preload(db, professionals, count) {
  const started = Date.now();
  const ids = professionals.map((p) => p.id);
  const orgs = professionals.map((p) => p.organisationId);
  await db.query(
    `INSERT INTO registrations (youth_key, key_version, professional_id, organisation_id, created_at, planned_removal_date, age_limit_date, match_checked_at)
     SELECT decode(md5(g::text || 'a') || md5(g::text || 'b'), 'hex'), 1, ($2::uuid[])[1 + g % $4], ($3::uuid[])[1 + g % $4],
            now() - interval '1 day', current_date + 500, current_date + 3000, now()
       FROM generate_series(1, $1) AS g`,
    [count, ids, orgs, ids.length],
  );
  await settle(db);
  console.log(`preloaded ${count} active registrations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  // Commit times of transactions, so a signal's latency ends when its row became visible.
  const services = startServices({ pgOptions: '-c track_commit_timestamp=on' });
  // development: the webhook receiver of this benchmark is on loopback, which production refuses (SSRF).
  // Worker tuning passed through when set, so runs can compare settings.
  const tuning = Object.fromEntries(TUNING.filter((key) => process.env[key]).map((key) => [key, process.env[key]]));
  const env = appEnv(services, { ...tuning, NODE_ENV: 'development', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  const base = `http://127.0.0.1:${env.PORT}`;
  const processes = [];
  if (FAMILIES) {
    const { brp, url } = await startBrp(services.dir);
    processes.push(brp);
    Object.assign(env, { BRP_URL: url, BRP_API_KEY: BRP_KEY });
  }
  let closeReceiver = () => undefined;
  const db = new Client({ connectionString: services.databaseUrl });
  try {
    execFileSync('node', ['dist/apps/cli/src/main.js', 'migrate'], { env, cwd: ROOT, stdio: 'inherit' });
    processes.push(run('dist/apps/api/src/main.js', env), run('dist/apps/worker/src/main.js', env));
    await waitForHttp(`${base}/health/ready`);
    await db.connect();
    const organisations = await makeOrganisations(base, 10, 10);
    if (ADDRESSES) {
      const [gemeente] = (await call(base, ADMIN_KEY, 'GET', '/v1/organisations?kind=municipality')).items;
      await call(base, ADMIN_KEY, 'PATCH', `/v1/organisations/${gemeente.id}`, { addressMatch: true });
    }
    const professionals = organisations.flatMap((o) =>
      o.professionals.map((id) => ({ id, secret: o.secret, organisationId: o.id })),
    );
    const receiver = await startReceiver();
    closeReceiver = receiver.close;
    for (const o of WEBHOOKS ? organisations : []) {
      await call(base, ADMIN_KEY, 'PATCH', `/v1/organisations/${o.id}`, {
        webhookUrl: receiver.url,
        webhookSecret: 'bench-webhook-secret-0123456789',
      });
    }
    console.log(
      `\nSteady ${RATE} registrations/s for ${SECONDS} s; 30% of youths get 2–4 registrations${
        FAMILIES ? '; verified in the local BRP, 30% of youths with a sibling registered by another professional' : ''
      }.`,
    );
    await round(base, professionals, db, 'warm-up (not counted)', Math.min(15, SECONDS), receiver);
    await settle(db);
    const empty = await round(base, professionals, db, 'empty index', SECONDS, receiver);
    await preload(db, professionals, PRELOAD);
    const full = await round(base, professionals, db, `${PRELOAD} active registrations`, SECONDS, receiver);
    console.log(
      `\np99 with ${PRELOAD} preloaded / p99 on an empty index: ${(full['p99 ms (201 → signal)'] / empty['p99 ms (201 → signal)']).toFixed(2)}`,
    );
  } finally {
    closeReceiver();
    await pool?.close();
    await db.end().catch(() => undefined);
    for (const p of processes) p.kill('SIGTERM');
    await Promise.all(
      processes.map((p) => new Promise((resolve) => (p.exitCode !== null ? resolve() : p.once('exit', resolve)))),
    );
    services.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
