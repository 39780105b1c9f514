import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { QUEUES } from '../libs/queue/src/routes';
import { aFollowUpOfficer, anOrganisation, TestOrganisation } from './support/factories';
import { startWorker, WorkerProcess } from './support/processes';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

interface SignalRow {
  kind: string;
  match_id: string | null;
  trigger_registration_id: string;
  recipient_professional_id: string;
  recipient_role: string;
  named_professional_ids: string[];
}

describe('matching worker', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let gemeente: TestOrganisation;
  let officerId: string;

  const register = async (org: TestOrganisation, youth: object, professional = 0) =>
    (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({ professionalId: org.professionalIds[professional], youth })
        .expect(201)
    ).body as {
      id: string;
      professionalId: string;
    };
  const signals = (): Promise<SignalRow[]> => api.dataSource.query(`SELECT * FROM signals ORDER BY created_at, id`);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });
  beforeEach(async () => {
    await waitUntilSettled(api.dataSource);
    await api.reset();
    gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0 });
    officerId = await aFollowUpOfficer(api, gemeente.id);
  });

  it('signals both professionals, both coordinators and the follow-up officer when a second professional registers', async () => {
    const school = await anOrganisation(api, { kind: 'education' });
    const police = await anOrganisation(api, { kind: 'police_and_justice' });
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(15) };
    await register(school, youth);
    await waitUntilSettled(api.dataSource);
    expect(await signals()).toEqual([]);

    const second = await register(police, youth);
    await waitUntilSettled(api.dataSource);
    const [match] = await api.dataSource.query(`SELECT * FROM matches`);
    expect(match).toMatchObject({ status: 'open', kind: 'same_youth' });
    const byRecipient = Object.fromEntries((await signals()).map((s) => [s.recipient_professional_id, s]));
    expect(Object.keys(byRecipient).sort()).toEqual(
      [
        school.professionalIds[0],
        police.professionalIds[0],
        school.coordinatorId,
        police.coordinatorId,
        officerId,
      ].sort(),
    );
    expect(byRecipient[police.professionalIds[0]]).toMatchObject({
      kind: 'match',
      recipient_role: 'participant',
      named_professional_ids: [school.professionalIds[0]],
      trigger_registration_id: second.id,
    });
    expect(byRecipient[school.professionalIds[0]]).toMatchObject({
      kind: 'match',
      recipient_role: 'participant',
      named_professional_ids: [police.professionalIds[0]],
    });
    expect(byRecipient[school.coordinatorId]).toMatchObject({ recipient_role: 'coordinator' });
    expect(byRecipient[officerId].recipient_role).toBe('follow_up_officer');
    expect(byRecipient[officerId].named_professional_ids.sort()).toEqual(
      [school.professionalIds[0], police.professionalIds[0]].sort(),
    );

    // Every signal is in its recipient's inbox at once; the audit log has each signal and the match.
    const [{ delivered }] = await api.dataSource.query(
      `SELECT count(*)::int AS delivered FROM signal_deliveries WHERE channel = 'inbox' AND status = 'delivered'`,
    );
    expect(delivered).toBe(5);
    const actions = await api.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'signal.%' OR action LIKE 'match.%' GROUP BY action ORDER BY action`,
    );
    expect(actions).toEqual([
      { action: 'match.created', n: 1 },
      { action: 'signal.created', n: 5 },
    ]);
    // Job payloads carried ids only.
    expect(worker.logs.join('\n')).not.toContain(youth.bsn);
  });

  it('matches two professionals of one organisation, and a third joining extends the match', async () => {
    const school = await anOrganisation(api, { kind: 'education', professionals: 3 });
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(9) };
    await register(school, youth, 0);
    await register(school, youth, 1);
    await waitUntilSettled(api.dataSource);
    await register(school, youth, 2);
    await waitUntilSettled(api.dataSource);
    const rows = await signals();
    const participantSignals = rows.filter((s) => s.recipient_role === 'participant');
    expect(participantSignals.map((s) => `${s.recipient_professional_id}/${s.kind}`).sort()).toEqual(
      [
        `${school.professionalIds[0]}/match`,
        `${school.professionalIds[1]}/match`,
        `${school.professionalIds[0]}/match_extended`,
        `${school.professionalIds[1]}/match_extended`,
        `${school.professionalIds[2]}/match`,
      ].sort(),
    );
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM matches`)).toEqual([{ n: 1 }]);
    const third = participantSignals.find(
      (s) => s.recipient_professional_id === school.professionalIds[2],
    ) as SignalRow;
    expect(third.named_professional_ids.sort()).toEqual([school.professionalIds[0], school.professionalIds[1]].sort());
  });

  it('closes the match when fewer than two active registrations remain, keeping nothing of the youth', async () => {
    const a = await anOrganisation(api);
    const b = await anOrganisation(api);
    const c = await anOrganisation(api);
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    const ra = await register(a, youth);
    const rb = await register(b, youth);
    await register(c, youth);
    await waitUntilSettled(api.dataSource);
    await api
      .http()
      .post(`/v1/registrations/${ra.id}/withdrawal`)
      .set(bearer(a.secret))
      .send({ reason: 'unjustified', professionalId: ra.professionalId })
      .expect(200);
    await waitUntilSettled(api.dataSource);
    expect((await api.dataSource.query(`SELECT status FROM matches`))[0].status).toBe('open');
    await api
      .http()
      .post(`/v1/registrations/${rb.id}/withdrawal`)
      .set(bearer(b.secret))
      .send({ reason: 'risk_gone', professionalId: rb.professionalId })
      .expect(200);
    await waitUntilSettled(api.dataSource);
    const [match] = await api.dataSource.query(`SELECT status, youth_key, closed_at FROM matches`);
    expect(match).toMatchObject({ status: 'closed', youth_key: null, closed_at: expect.any(Date) });

    // A new registration of the same youth starts a new match with the one still active.
    const d = await anOrganisation(api);
    await register(d, youth);
    await waitUntilSettled(api.dataSource);
    const statuses = await api.dataSource.query(`SELECT status FROM matches ORDER BY created_at`);
    expect(statuses).toEqual([{ status: 'closed' }, { status: 'open' }]);
  });

  it('sends one archive signal to the new registrant only, naming the archived professional', async () => {
    const earlier = await anOrganisation(api);
    const later = await anOrganisation(api);
    const youth = { surname: 'Bakker', birthDate: bornYearsAgo(6), sex: 'M' };
    const old = await register(earlier, youth);
    await api
      .http()
      .post(`/v1/registrations/${old.id}/withdrawal`)
      .set(bearer(earlier.secret))
      .send({ reason: 'risk_gone', professionalId: old.professionalId })
      .expect(200);
    await waitUntilSettled(api.dataSource);
    const fresh = await register(later, youth);
    await waitUntilSettled(api.dataSource);
    await api
      .http()
      .post('/v1/registrations')
      .set(bearer(later.secret))
      .send({ professionalId: later.professionalIds[0], youth })
      .expect(200);
    await waitUntilSettled(api.dataSource);
    const rows = await signals();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'archive',
      match_id: null,
      trigger_registration_id: fresh.id,
      recipient_professional_id: later.professionalIds[0],
      named_professional_ids: [earlier.professionalIds[0]],
    });
  });

  it('an archive row inserted directly triggers the archive signal (the hook works without a withdrawal)', async () => {
    const org = await anOrganisation(api);
    const archivedBy = await anOrganisation(api);
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10) };
    const seed = await register(archivedBy, youth);
    const [{ youth_key: key }] = await api.dataSource.query(`SELECT youth_key FROM registrations WHERE id = $1`, [
      seed.id,
    ]);
    await waitUntilSettled(api.dataSource);
    await api.dataSource.query(
      `INSERT INTO archive_entries (youth_key, key_version, registration_id, professional_id, organisation_id, archived_at, destroy_at)
       VALUES ($1, 1, gen_random_uuid(), $2, $3, now(), current_date + 365)`,
      [key, archivedBy.professionalIds[0], archivedBy.id],
    );
    await register(org, youth);
    await waitUntilSettled(api.dataSource);
    const archive = (await signals()).filter((s) => s.kind === 'archive');
    expect(archive.map((s) => s.recipient_professional_id)).toEqual([org.professionalIds[0]]);
  });

  it('removes a disconnected organisation’s registrations and shrinks its matches', async () => {
    const leaving = await anOrganisation(api);
    const staying = await anOrganisation(api);
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(14) };
    const gone = await register(leaving, youth);
    await register(staying, youth);
    await waitUntilSettled(api.dataSource);
    await api.http().post(`/v1/organisations/${leaving.id}/disconnection`).set(bearer(ADMIN_KEY)).expect(200);
    await waitUntilSettled(api.dataSource);
    const [registration] = await api.dataSource.query(
      `SELECT status, removal_reason, youth_key FROM registrations WHERE id = $1`,
      [gone.id],
    );
    expect(registration).toEqual({ status: 'removed', removal_reason: 'organisation_disconnected', youth_key: null });
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM archive_entries`)).toEqual([{ n: 0 }]);
    expect((await api.dataSource.query(`SELECT status FROM matches`))[0].status).toBe('closed');
  });

  it('matches the jobs that wait together in one batch, fails a missing registration alone, and traces each signal to its request', async () => {
    const a = await anOrganisation(api);
    const b = await anOrganisation(api);
    await worker.kill();
    // The first match insert takes half a second, so the jobs fetched meanwhile wait for one batch.
    await api.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS test_slow_seq`);
    await api.dataSource.query(`SELECT setval('test_slow_seq', 1, false)`);
    await api.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_slow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('test_slow_seq') = 1 THEN PERFORM pg_sleep(0.5); END IF; RETURN NULL; END $$`);
    await api.dataSource.query(
      `CREATE TRIGGER test_slow AFTER INSERT ON matches FOR EACH STATEMENT EXECUTE FUNCTION test_slow()`,
    );
    const queue = new Queue(QUEUES.matching, { connection: { url: process.env.REDIS_URL as string } });
    try {
      const correlationOf = new Map<string, string>();
      for (let i = 0; i < 5; i += 1) {
        const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10 + i) };
        for (const [org, who] of [
          [a, 'a'],
          [b, 'b'],
        ] as const) {
          const correlation = randomUUID();
          void who;
          const response = await api
            .http()
            .post('/v1/registrations')
            .set(bearer(org.secret))
            .set('x-correlation-id', correlation)
            .send({ professionalId: org.professionalIds[0], youth })
            .expect(201);
          correlationOf.set(response.body.id, correlation);
        }
      }
      await queue.add(
        'registration-created',
        { registrationId: '00000000-0000-4000-8000-000000000002' },
        { jobId: 'missing-in-batch', attempts: 5 },
      );
      worker = await startWorker({ MATCH_BATCHES: '1' });
      await waitUntilSettled(api.dataSource);

      const matches: { created_at: Date }[] = await api.dataSource.query(
        `SELECT created_at FROM matches WHERE status = 'open'`,
      );
      expect(matches).toHaveLength(5);
      expect(new Set(matches.map((m) => m.created_at.getTime())).size).toBeLessThanOrEqual(2); // founded in at most two transactions
      let state = '';
      for (let i = 0; i < 100 && state !== 'failed'; i += 1) {
        state = (await (await queue.getJob('missing-in-batch'))?.getState()) ?? '';
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(state).toBe('failed');
      expect((await queue.getJob('missing-in-batch'))?.attemptsMade).toBe(1);

      const traced: { trigger_registration_id: string; correlation_id: string }[] = await api.dataSource.query(
        `SELECT s.trigger_registration_id, e.correlation_id FROM signals s JOIN audit_events e ON e.object_id = s.id AND e.action = 'signal.created'`,
      );
      expect(traced).toHaveLength(5 * 5); // per youth: two participants, two coordinators, the officer
      for (const row of traced) expect(row.correlation_id).toBe(correlationOf.get(row.trigger_registration_id));
      const founded: { correlation_id: string }[] = await api.dataSource.query(
        `SELECT correlation_id FROM audit_events WHERE action = 'match.created'`,
      );
      expect(founded).toHaveLength(5);
      for (const event of founded) expect([...correlationOf.values()]).toContain(event.correlation_id);
    } finally {
      await queue.close();
      await api.dataSource.query(`DROP TRIGGER IF EXISTS test_slow ON matches`);
      await api.dataSource.query(`DROP FUNCTION IF EXISTS test_slow`);
    }
  });

  it("traces a newcomer's signals to its own request, also when the match is made by the other registration's job", async () => {
    const a = await anOrganisation(api);
    const b = await anOrganisation(api);
    await worker.kill();
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    const first = randomUUID();
    const second = randomUUID();
    await api
      .http()
      .post('/v1/registrations')
      .set(bearer(a.secret))
      .set('x-correlation-id', first)
      .send({ professionalId: a.professionalIds[0], youth })
      .expect(201);
    const newcomer = (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(b.secret))
        .set('x-correlation-id', second)
        .send({ professionalId: b.professionalIds[0], youth })
        .expect(201)
    ).body;
    // One job per batch: the first registration's job finds both and makes the match; the newcomer's job is not in that batch.
    worker = await startWorker({ MATCH_CONCURRENCY: '1' });
    await waitUntilSettled(api.dataSource);
    const traced: { trigger_registration_id: string; correlation_id: string }[] = await api.dataSource.query(
      `SELECT s.trigger_registration_id, e.correlation_id FROM signals s JOIN audit_events e ON e.object_id = s.id AND e.action = 'signal.created'`,
    );
    expect(traced.length).toBeGreaterThan(0);
    expect(traced.every((row) => row.trigger_registration_id === newcomer.id && row.correlation_id === second)).toBe(
      true,
    );
  });

  it('retries a transient failure with backoff and ends a permanent one as failed, kept for inspection', async () => {
    const a = await anOrganisation(api);
    const b = await anOrganisation(api);
    // A fault the database injects twice: the first two attempts to add participants fail.
    await api.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS test_fault_seq`);
    await api.dataSource.query(`SELECT setval('test_fault_seq', 1, false)`);
    await api.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('test_fault_seq') <= 2 THEN RAISE EXCEPTION 'injected transient fault'; END IF; RETURN NEW; END $$`);
    await api.dataSource.query(
      `CREATE TRIGGER test_fault BEFORE INSERT ON match_participants FOR EACH STATEMENT EXECUTE FUNCTION test_fault()`,
    );
    try {
      const youth = { bsn: aBsn(), birthDate: bornYearsAgo(11) };
      await register(a, youth);
      const second = await register(b, youth);
      await waitUntilSettled(api.dataSource);
      const queue = new Queue(QUEUES.matching, { connection: { url: process.env.REDIS_URL as string } });
      try {
        const job = await queue.getJob(`registration-created-${second.id}`);
        expect(job?.attemptsMade).toBeGreaterThanOrEqual(2);
        expect(await job?.getState()).toBe('completed');
        expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM matches WHERE status = 'open'`)).toEqual([
          { n: 1 },
        ]);
        expect(worker.logs.some((l) => l.includes('injected transient fault'))).toBe(true);

        // A job about a registration that does not exist fails permanently at once.
        await queue.add(
          'registration-created',
          { registrationId: '00000000-0000-4000-8000-000000000001' },
          { jobId: 'permanent-check', attempts: 5 },
        );
        let state = '';
        for (let i = 0; i < 100 && state !== 'failed'; i += 1) {
          state = (await (await queue.getJob('permanent-check'))?.getState()) ?? '';
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const failed = await queue.getJob('permanent-check');
        expect(state).toBe('failed');
        expect(failed?.attemptsMade).toBe(1);
        expect(failed?.failedReason).toContain('does not exist');
      } finally {
        await queue.close();
      }
    } finally {
      await api.dataSource.query(`DROP TRIGGER IF EXISTS test_fault ON match_participants`);
      await api.dataSource.query(`DROP FUNCTION IF EXISTS test_fault`);
    }
  });
});
