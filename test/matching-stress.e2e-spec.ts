import { anOrganisation, TestOrganisation } from './support/factories';
import { startWorker, WorkerProcess } from './support/processes';
import { startRedis, stopRedis } from './support/services';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { aBsn, bornYearsAgo } from './support/youths';

/**
 * Exactly one match per youth and every participant signalled exactly once per event, under
 * parallel registrations, a killed worker and a Redis outage — against the real worker process.
 */
describe('matching under stress', () => {
  let api: TestApi;
  let worker: WorkerProcess | undefined;
  let organisations: TestOrganisation[];
  let professionals: { org: TestOrganisation; id: string }[];

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    organisations = [];
    for (let i = 0; i < 10; i += 1)
      organisations.push(await anOrganisation(api, { professionals: 5, scopes: ['registrations'] }));
    professionals = organisations.flatMap((org) => org.professionalIds.map((id) => ({ org, id })));
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });

  const register = (who: { org: TestOrganisation; id: string }, youth: object) =>
    api.http().post('/v1/registrations').set(bearer(who.org.secret)).send({ professionalId: who.id, youth });

  /** Checks one youth's match against the rules, given the registration ids made for it. */
  async function expectCompleteMatch(registrationIds: string[]): Promise<void> {
    // "Later" means later to join the match: a registration made first may commit last.
    const ordered: { id: string; professional_id: string; organisation_id: string }[] = await api.dataSource.query(
      `SELECT r.id, r.professional_id, r.organisation_id FROM registrations r JOIN match_participants mp ON mp.registration_id = r.id
        WHERE r.id = ANY($1) ORDER BY mp.position`,
      [registrationIds],
    );
    expect(ordered).toHaveLength(registrationIds.length);
    const matches = await api.dataSource.query(
      `SELECT DISTINCT mp.match_id, m.status FROM match_participants mp JOIN matches m ON m.id = mp.match_id WHERE mp.registration_id = ANY($1)`,
      [registrationIds],
    );
    expect(matches).toHaveLength(1);
    expect(matches[0].status).toBe('open');
    const [{ n: participants }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM match_participants WHERE match_id = $1`,
      [matches[0].match_id],
    );
    expect(participants).toBe(ordered.length);

    const rows: {
      trigger_registration_id: string;
      recipient_professional_id: string;
      named_professional_ids: string[];
    }[] = await api.dataSource.query(
      `SELECT trigger_registration_id, recipient_professional_id, named_professional_ids FROM signals
        WHERE match_id = $1 AND recipient_role = 'participant'`,
      [matches[0].match_id],
    );
    const got = rows.map((s) => `${s.trigger_registration_id}>${s.recipient_professional_id}`).sort();
    // Event j (every registration but the first): the newcomer and each earlier participant, once each.
    const expected: string[] = [];
    for (let j = 1; j < ordered.length; j += 1) {
      for (let i = 0; i <= j; i += 1) expected.push(`${ordered[j].id}>${ordered[i].professional_id}`);
    }
    expect(got).toEqual(expected.sort());
    // The newcomer's signal names everyone before it; the others' name only the newcomer.
    for (const signal of rows) {
      const j = ordered.findIndex((r) => r.id === signal.trigger_registration_id);
      const names =
        signal.recipient_professional_id === ordered[j].professional_id
          ? ordered.slice(0, j).map((r) => r.professional_id)
          : [ordered[j].professional_id];
      expect([...signal.named_professional_ids].sort()).toEqual(names.sort());
    }
    // Coordinator copies: one per involved organisation per event.
    const [{ copies }] = await api.dataSource.query(
      `SELECT count(*)::int AS copies FROM signals WHERE match_id = $1 AND recipient_role = 'coordinator'`,
      [matches[0].match_id],
    );
    let expectedCopies = 0;
    for (let j = 1; j < ordered.length; j += 1)
      expectedCopies += new Set(ordered.slice(0, j + 1).map((r) => r.organisation_id)).size;
    expect(copies).toBe(expectedCopies);
  }

  it('50 professionals of 10 organisations registering one youth at once: one match, every signal exactly once (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
      const responses = await Promise.all(professionals.map((who) => register(who, youth)));
      expect(responses.map((r) => r.status)).toEqual(professionals.map(() => 201));
      await waitUntilSettled(api.dataSource);
      await expectCompleteMatch(responses.map((r) => r.body.id));
    }
  });

  it('the same burst spread over five youths: one match per youth (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const youths = Array.from({ length: 5 }, () => ({ bsn: aBsn(), birthDate: bornYearsAgo(10) }));
      const responses = await Promise.all(professionals.map((who, i) => register(who, youths[i % 5])));
      expect(responses.every((r) => r.status === 201)).toBe(true);
      await waitUntilSettled(api.dataSource);
      for (let y = 0; y < 5; y += 1)
        await expectCompleteMatch(responses.filter((_, i) => i % 5 === y).map((r) => r.body.id));
    }
  });

  it('a worker killed with SIGKILL in the middle of a burst: after a restart every match and signal is complete, none duplicated', async () => {
    const youths = Array.from({ length: 40 }, () => ({ bsn: aBsn(), birthDate: bornYearsAgo(16) }));
    const burst = youths.flatMap((youth, y) =>
      Array.from({ length: 5 }, (_, k) => ({ who: professionals[(y * 5 + k * 7) % 50], youth, y })),
    );
    const pending = Promise.all(burst.map(({ who, youth }) => register(who, youth)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const code = await worker!.kill('SIGKILL');
    expect(code).toBeNull(); // killed, not exited
    const responses = await pending;
    expect(responses.every((r) => r.status === 201)).toBe(true);
    worker = await startWorker();
    await waitUntilSettled(api.dataSource, 90_000);
    for (let y = 0; y < youths.length; y += 1) {
      await expectCompleteMatch(responses.filter((_, i) => burst[i].y === y).map((r) => r.body.id));
    }
    const [{ duplicates }] = await api.dataSource.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM signals GROUP BY trigger_registration_id, recipient_professional_id HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
  });

  it('Redis down: registrations are still accepted (201), and every match appears once Redis is back', async () => {
    await stopRedis();
    try {
      // The api serves every request without Redis (the outbox holds the work): ready, with Redis degraded.
      const ready = await api.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.details.redis.status).toBe('degraded');
      const youths = Array.from({ length: 10 }, () => ({ bsn: aBsn(), birthDate: bornYearsAgo(7) }));
      const responses: { status: number; body: { id: string } }[] = [];
      for (const [y, youth] of youths.entries()) {
        responses.push(await register(professionals[y], youth), await register(professionals[y + 20], youth));
      }
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
      expect(n).toBeGreaterThanOrEqual(20); // waiting safely in PostgreSQL
    } finally {
      await startRedis();
    }
    await waitUntilSettled(api.dataSource, 90_000);
    const [{ open }] = await api.dataSource.query(`SELECT count(*)::int AS open FROM matches WHERE status = 'open'`);
    const [{ expected }] = await api.dataSource.query(
      `SELECT count(*)::int AS expected FROM (SELECT youth_key FROM registrations WHERE status = 'active' GROUP BY youth_key HAVING count(*) >= 2) y`,
    );
    expect(open).toBe(expected);
    const ready = await api.http().get('/health/ready');
    expect(ready.status).toBe(200);
  });

  it('stops gracefully on SIGTERM: running jobs finish and the process exits 0', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(5) };
    await Promise.all(professionals.slice(0, 10).map((who) => register(who, youth)));
    const code = await worker!.kill('SIGTERM');
    expect(code).toBe(0);
    worker = await startWorker();
    await waitUntilSettled(api.dataSource);
  });
});
