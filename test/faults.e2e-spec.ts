import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QUEUES, ROUTES } from '../libs/queue/src/routes';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { ApiProcess, ROOT, startApiProcess, startWorker, waitFor, WorkerProcess } from './support/processes';
import { startPostgres, startRedis, stopPostgres, stopRedis } from './support/services';
import { settled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { aBsn, bornYearsAgo } from './support/youths';

const run = promisify(execFile);
const settledEvenIfDown = async (api: TestApi) => settled(api.dataSource).catch(() => false);

/** The advisory lock a match job takes on a youth (the first 8 bytes of the key), held by the test to keep a job waiting. */
async function holdYouthLock(registrationId: string): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  client.on('error', () => undefined);
  await client.query(
    `SELECT pg_advisory_lock(('x' || encode(substring(youth_key FROM 1 FOR 8), 'hex'))::bit(64)::bigint) FROM registrations WHERE id = $1`,
    [registrationId],
  );
  return client;
}

/**
 * Replicas and faults: what a deployment meets in production — several api and worker processes,
 * a worker killed, Redis restarted empty, PostgreSQL away (shortly, and longer than every retry).
 */
describe('replicas and faults', () => {
  let api: TestApi;
  let orgs: TestOrganisation[];

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    orgs = [];
    for (let i = 0; i < 4; i += 1) orgs.push(await anOrganisation(api, { professionals: 5 }));
  });
  afterAll(() => api?.close());

  const registerVia = async (base: string, org: TestOrganisation, professional: number, youth: object) =>
    fetch(`${base}/v1/registrations`, {
      method: 'POST',
      headers: { ...bearer(org.secret), 'content-type': 'application/json' },
      body: JSON.stringify({ professionalId: org.professionalIds[professional], youth }),
    });

  it('two api and two worker processes, a worker killed, Redis restarted empty and PostgreSQL restarted under load: nothing accepted is lost or doubled', async () => {
    const apis: ApiProcess[] = [await startApiProcess(), await startApiProcess()];
    let workers: WorkerProcess[] = [await startWorker(), await startWorker()];
    const accepted = new Map<string, string>(); // registration id → youth bsn
    const youths = Array.from({ length: 30 }, () => ({ bsn: aBsn(), birthDate: bornYearsAgo(12) }));
    const statuses: number[] = [];
    let outageAnswers: { status: number; ms: number; retryAfter: string | null; type: string | null }[] = [];
    let pgDown = false;

    // A case system: keeps trying until its registration is accepted (201, or 200 when it was already).
    const client = async (youthIndex: number, who: number) => {
      const org = orgs[who % orgs.length];
      const base = apis[(youthIndex + who) % apis.length].url;
      for (let attempt = 0; attempt < 400; attempt += 1) {
        const started = Date.now();
        const response = await registerVia(base, org, Math.floor(who / orgs.length), youths[youthIndex]).catch(
          () => undefined,
        );
        if (response) {
          statuses.push(response.status);
          if (pgDown)
            outageAnswers.push({
              status: response.status,
              ms: Date.now() - started,
              retryAfter: response.headers.get('retry-after'),
              type: response.headers.get('content-type'),
            });
          if (response.status === 201 || response.status === 200) {
            accepted.set(((await response.json()) as { id: string }).id, youths[youthIndex].bsn);
            return;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('a registration was never accepted');
    };
    const burst = (from: number, to: number) =>
      Promise.all(youths.slice(from, to).flatMap((_, i) => [0, 1, 2, 3, 4, 5].map((who) => client(from + i, who))));

    try {
      // 1. A worker SIGKILLed in the middle of a burst, and a new one started.
      const first = burst(0, 10);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await workers[0].kill('SIGKILL');
      workers = [workers[1], await startWorker()];
      await first;

      // 2. Redis restarted empty while registrations arrive.
      const second = burst(10, 20);
      await stopRedis();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await startRedis();
      await second;

      // 3. PostgreSQL stopped while registrations arrive, and started again: meanwhile the apis answer 503 quickly.
      pgDown = true;
      outageAnswers = [];
      await stopPostgres();
      const third = burst(20, 30);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const probe = await fetch(`${apis[0].url}/health/ready`);
      expect(probe.status).toBe(503);
      await startPostgres();
      pgDown = false;
      await third;

      await waitFor('every event handled', () => settledEvenIfDown(api), 120_000);
    } finally {
      await Promise.all([...workers, ...apis].map((p) => p.kill()));
    }

    expect(statuses).not.toContain(500);
    const during = outageAnswers.filter((a) => a.status === 503);
    expect(during.length).toBeGreaterThan(0);
    for (const answer of during) {
      expect(answer.type).toMatch(/problem\+json/);
      expect(answer.retryAfter).toBe('5');
      expect(answer.ms).toBeLessThan(5000);
    }
    // Every accepted registration is there, active, once per professional and youth.
    const rows: { id: string }[] = await api.dataSource.query(`SELECT id FROM registrations WHERE status = 'active'`);
    expect(rows.length).toBe(youths.length * 6);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(accepted.keys()));
    // One match per youth; every participant signalled exactly once per event.
    const [{ matches }] = await api.dataSource.query(
      `SELECT count(*)::int AS matches FROM matches WHERE status = 'open'`,
    );
    expect(matches).toBe(youths.length);
    const [{ duplicates }] = await api.dataSource.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM signals GROUP BY trigger_registration_id, recipient_professional_id, kind HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
    const perMatch: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM signals WHERE recipient_role = 'participant' AND kind <> 'archive' GROUP BY match_id`,
    );
    // Six professionals join one by one: the j-th newcomer's event signals j people (the newcomer and the j - 1 before).
    expect(perMatch.map((m) => m.n)).toEqual(youths.map(() => 2 + 3 + 4 + 5 + 6));
    await api.http().get('/health/ready').expect(200);
  }, 300_000);

  it('matches a registration whose job failed for good during an outage longer than every retry', async () => {
    const worker = await startWorker({ JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '200', RECONCILE_INTERVAL_MS: '2000' });
    const queue = new Queue(QUEUES.matching, { connection: { url: process.env.REDIS_URL as string } });
    let lock: Client | undefined;
    try {
      const youth = { bsn: aBsn(), birthDate: bornYearsAgo(9) };
      const a = (
        await api
          .http()
          .post('/v1/registrations')
          .set(bearer(orgs[0].secret))
          .send({ professionalId: orgs[0].professionalIds[0], youth })
          .expect(201)
      ).body.id;
      await waitFor(
        'the first registration checked',
        async () =>
          (await api.dataSource.query(`SELECT match_checked_at FROM registrations WHERE id = $1`, [a]))[0]
            .match_checked_at !== null,
      );
      lock = await holdYouthLock(a); // the second registration's match job now waits on its youth
      const b = (
        await api
          .http()
          .post('/v1/registrations')
          .set(bearer(orgs[1].secret))
          .send({ professionalId: orgs[1].professionalIds[0], youth })
          .expect(201)
      ).body.id;
      const jobId = ROUTES['registration.created'].jobId({ registrationId: b });
      await waitFor('the match job to start', async () => (await (await queue.getJob(jobId))?.getState()) === 'active');

      await stopPostgres();
      await waitFor(
        'the match job to fail for good',
        async () => (await (await queue.getJob(jobId))?.getState()) === 'failed',
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 3000)); // longer than the whole retry budget
      await startPostgres();

      await waitFor(
        'the two registrations to be matched after all',
        async () =>
          (
            await api.dataSource
              .query(`SELECT count(*)::int AS n FROM match_participants WHERE registration_id = ANY($1)`, [[a, b]])
              .catch(() => [{ n: 0 }])
          )[0].n === 2,
        30_000,
      );
      expect(worker.logs.some((line) => line.includes('"replacedFinishedJobs":1'))).toBe(true);
      // The timers that failed while PostgreSQL was away said so, by name.
      expect(
        worker.logs.some((line) => line.includes('scheduled task failed') && line.includes('"task":"audit-seal"')),
      ).toBe(true);
    } finally {
      await lock?.end().catch(() => undefined);
      await queue.close();
      await worker.kill();
    }
  }, 120_000);

  it('reconciles at once when Redis comes back empty, instead of at the next RECONCILE_INTERVAL_MS', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10) };
    const ids: string[] = [];
    for (const org of orgs.slice(0, 2)) ids.push((await aRegistration(api, org, youth)).body.id);
    // As the relay would: the jobs are in Redis and the outbox says so. Then Redis loses them.
    const queue = new Queue(QUEUES.matching, { connection: { url: process.env.REDIS_URL as string } });
    const route = ROUTES['registration.created'];
    await queue.addBulk(
      ids.map((id) => ({
        name: route.job,
        data: { registrationId: id },
        opts: { jobId: route.jobId({ registrationId: id }) },
      })),
    );
    await queue.close();
    await api.dataSource.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
    await stopRedis();
    await startRedis();

    const worker = await startWorker({ RECONCILE_INTERVAL_MS: '600000', REDIS_CHECK_INTERVAL_MS: '300' });
    try {
      await waitFor(
        'the lost jobs to be matched',
        async () =>
          (
            await api.dataSource.query(
              `SELECT count(*)::int AS n FROM match_participants WHERE registration_id = ANY($1)`,
              [ids],
            )
          )[0].n === 2,
        15_000,
      );
      // A running worker notices too: Redis emptied under it.
      await stopRedis();
      await startRedis();
      await waitFor(
        'the worker to notice the empty Redis',
        () => worker.logs.some((line) => line.includes('Redis came back without its queues')),
        15_000,
      );
    } finally {
      await worker.kill();
    }
  }, 60_000);

  it('serves metrics on the worker health port: queues, outbox, sealing, deliveries, timers', async () => {
    const port = (await run('node', [join(ROOT, 'scripts/free-port.js')])).stdout.trim();
    const worker = await startWorker({ WORKER_HEALTH_PORT: port });
    try {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      for (const name of [
        'vir_queue_jobs{queue="matching",state="failed"',
        'vir_outbox_backlog',
        'vir_outbox_oldest_unpublished_seconds',
        'vir_audit_oldest_unsealed_seconds',
        'vir_signal_deliveries_dead',
        'vir_scheduled_task_runs_total',
        'vir_process_cpu_user_seconds_total',
      ]) {
        expect(text).toContain(name);
      }
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    } finally {
      await worker.kill();
    }
  });
});
