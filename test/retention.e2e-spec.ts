import { TestingModule } from '@nestjs/testing';
import { addDays, addYears, todayInAmsterdam } from '../libs/common/src/calendar';
import { OutboxRelay } from '../libs/queue/src';
import { RetentionService } from '../libs/registrations/src';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { MovableClock, startWorkerWithClock } from './support/movable-clock';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn } from './support/youths';

/** Expiry, the 23rd birthday and archive destruction, on the right day, with a clock the test moves. */
describe('retention', () => {
  let api: TestApi;
  let worker: TestingModule;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = new MovableClock(new Date());
  const apiClock = new MovableClock(new Date());
  const today = todayInAmsterdam(new Date());

  const register = async (who: TestOrganisation, birthDate: string, extra: object = {}) =>
    (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(who.secret))
        .send({ professionalId: who.professionalIds[0], youth: { bsn: aBsn(), birthDate }, ...extra })
        .expect(201)
    ).body as {
      id: string;
      plannedRemovalDate: string;
      professionalId: string;
    };
  const runOn = async (date: string) => {
    clock.current = new Date(`${date}T10:00:00Z`);
    const report = await worker.get(RetentionService).run();
    await waitUntilSettled(api.dataSource);
    return report;
  };
  const statusOf = async (id: string) =>
    (
      await api.dataSource.query(`SELECT status, removal_reason, youth_key FROM registrations WHERE id = $1`, [id])
    )[0] as {
      status: string;
      removal_reason: string | null;
      youth_key: Buffer | null;
    };

  beforeAll(async () => {
    api = await startApi({}, { clock: apiClock });
    clock.current = new Date();
    worker = await startWorkerWithClock(clock);
  });
  beforeEach(async () => {
    apiClock.current = new Date();
    await waitUntilSettled(api.dataSource);
    await api.reset();
    org = await anOrganisation(api);
    other = await anOrganisation(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('expires a registration on its planned removal date, not the day before, and archives it', async () => {
    const registration = await register(org, addYears(today, -10));
    expect(await runOn(addDays(registration.plannedRemovalDate, -1))).toMatchObject({ expired: 0 });
    expect((await statusOf(registration.id)).status).toBe('active');
    expect(await runOn(registration.plannedRemovalDate)).toMatchObject({ expired: 1, removedAt23: 0 });
    expect(await statusOf(registration.id)).toEqual({ status: 'expired', removal_reason: 'expired', youth_key: null });
    const [archived] = await api.dataSource.query(
      `SELECT destroy_at::text FROM archive_entries WHERE registration_id = $1`,
      [registration.id],
    );
    expect(archived.destroy_at).toBe(addYears(registration.plannedRemovalDate, 5));
    // Running again the same day changes nothing.
    expect(await runOn(registration.plannedRemovalDate)).toMatchObject({
      expired: 0,
      removedAt23: 0,
      archiveEntriesDestroyed: 0,
    });
  });

  it.each([
    ['an ordinary birthday', addDays(addYears(today, -23), 40), today],
    // Registered in June 2026, when this youth was 22; the clock, not the calendar of the test run, decides.
    ['a leap-day birthday (turns 23 on 1 March)', '2004-02-29', '2026-06-01'],
  ])(
    'removes every registration on the 23rd birthday (%s), archives nothing, destroys the archive',
    async (_, birthDate, registeredOn) => {
      const limit = birthDate === '2004-02-29' ? '2027-03-01' : addYears(birthDate, 23);
      apiClock.current = new Date(`${registeredOn}T10:00:00Z`);
      clock.current = apiClock.current;
      const youth = { bsn: aBsn(), birthDate };
      const kept = (await aRegistration(api, org, youth)).body;
      const withdrawn = (await aRegistration(api, other, youth)).body;
      expect(kept.plannedRemovalDate).toBe(limit);
      await api
        .http()
        .post(`/v1/registrations/${withdrawn.id}/withdrawal`)
        .set(bearer(other.secret))
        .send({ reason: 'risk_gone', professionalId: withdrawn.professionalId })
        .expect(200);
      const [entry] = await api.dataSource.query(
        `SELECT destroy_at::text FROM archive_entries WHERE registration_id = $1`,
        [withdrawn.id],
      );
      expect(entry.destroy_at).toBe(limit); // sooner than five years
      await waitUntilSettled(api.dataSource);

      expect(await runOn(addDays(limit, -1))).toMatchObject({ removedAt23: 0, archiveEntriesDestroyed: 0 });
      expect(await runOn(limit)).toMatchObject({ removedAt23: 1, expired: 0, archiveEntriesDestroyed: 1 });
      expect(await statusOf(kept.id)).toEqual({ status: 'removed', removal_reason: 'age_23', youth_key: null });
      // Nothing of the youth remains in any table but the audit log (which never held it).
      expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM archive_entries`)).toEqual([{ n: 0 }]);
      expect(
        await api.dataSource.query(`SELECT count(*)::int AS n FROM registrations WHERE youth_key IS NOT NULL`),
      ).toEqual([{ n: 0 }]);
      expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM matches WHERE youth_key IS NOT NULL`)).toEqual([
        { n: 0 },
      ]);
    },
  );

  it('removes at 23 without archiving even when the planned removal date passed unnoticed', async () => {
    const registration = await register(org, addDays(addYears(today, -23), 20), {
      plannedRemovalDate: addDays(today, 10),
    });
    expect(await runOn(addDays(today, 30))).toMatchObject({ removedAt23: 1, expired: 0 });
    expect((await statusOf(registration.id)).removal_reason).toBe('age_23');
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM archive_entries`)).toEqual([{ n: 0 }]);
  });

  it('destroys archive entries five years after archiving', async () => {
    const registration = await register(org, addYears(today, -3));
    await api
      .http()
      .post(`/v1/registrations/${registration.id}/withdrawal`)
      .set(bearer(org.secret))
      .send({ reason: 'risk_gone', professionalId: registration.professionalId })
      .expect(200);
    const fiveYears = addYears(today, 5);
    expect(await runOn(addDays(fiveYears, -1))).toMatchObject({ archiveEntriesDestroyed: 0 });
    expect(await runOn(fiveYears)).toMatchObject({ archiveEntriesDestroyed: 1 });
    const [audit] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'archive-entry.destroyed'`,
    );
    expect(audit.n).toBe(1);
  });

  it('shrinks the match when a participant expires', async () => {
    const youth = { bsn: aBsn(), birthDate: addYears(today, -12) };
    const early = (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({ professionalId: org.professionalIds[0], youth, plannedRemovalDate: addDays(today, 30) })
        .expect(201)
    ).body;
    await aRegistration(api, other, youth);
    await waitUntilSettled(api.dataSource);
    expect((await api.dataSource.query(`SELECT status FROM matches`))[0].status).toBe('open');
    await runOn(addDays(today, 30));
    expect((await statusOf(early.id)).status).toBe('expired');
    expect((await api.dataSource.query(`SELECT status FROM matches`))[0].status).toBe('closed');
  });

  it('deletes published outbox events after their retention and keeps the recent ones', async () => {
    const [old, recent] = await Promise.all(
      ['25 hours', '1 hour'].map(async (age) => {
        const [row] = await api.dataSource.query(
          `INSERT INTO outbox (topic, payload, published_at) VALUES ('registration.removed', '{"registrationId":"00000000-0000-4000-8000-000000000009"}', now() - $1::interval) RETURNING id`,
          [age],
        );
        return row.id as string;
      }),
    );
    expect(await worker.get(OutboxRelay).prune()).toBeGreaterThanOrEqual(1);
    const left: { id: string }[] = await api.dataSource.query(`SELECT id FROM outbox WHERE id = ANY($1)`, [
      [old, recent],
    ]);
    expect(left.map((r) => r.id)).toEqual([recent]);
    expect(await worker.get(OutboxRelay).prune()).toBe(0);
  });
});

describe('death notice', () => {
  let api: TestApi;
  let worker: TestingModule;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorkerWithClock(new MovableClock(new Date()));
    await api.reset();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('removes everything of the youth at once, archives nothing, and needs the admin scope', async () => {
    const a = await anOrganisation(api);
    const b = await anOrganisation(api);
    const youth = { bsn: aBsn(), birthDate: addYears(todayInAmsterdam(new Date()), -15) };
    const first = (await aRegistration(api, a, youth)).body;
    await api
      .http()
      .post(`/v1/registrations/${first.id}/withdrawal`)
      .set(bearer(a.secret))
      .send({ reason: 'risk_gone', professionalId: first.professionalId })
      .expect(200);
    await aRegistration(api, a, youth);
    await aRegistration(api, b, youth);
    await waitUntilSettled(api.dataSource);

    await api.http().post('/v1/deaths').set(bearer(a.secret)).send({ youth }).expect(403);
    await api
      .http()
      .post('/v1/deaths')
      .set(bearer(ADMIN_KEY))
      .send({ youth: { bsn: '123456789', birthDate: youth.birthDate } })
      .expect(400);
    await api
      .http()
      .post('/v1/deaths')
      .set(bearer(ADMIN_KEY))
      .send({ youth: { surname: 'Jansen' } })
      .expect(400);
    // A BRP death notice carries the BSN only.
    const response = await api
      .http()
      .post('/v1/deaths')
      .set(bearer(ADMIN_KEY))
      .send({ youth: { bsn: youth.bsn } })
      .expect(200);
    expect(response.body).toEqual({ registrationsRemoved: 2, archiveEntriesDestroyed: 1 });
    await waitUntilSettled(api.dataSource);
    expect(
      await api.dataSource.query(
        `SELECT removal_reason, count(*)::int AS n FROM registrations WHERE status <> 'active' GROUP BY removal_reason ORDER BY 1`,
      ),
    ).toEqual([
      { removal_reason: 'deceased', n: 2 },
      { removal_reason: 'risk_gone', n: 1 },
    ]);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM archive_entries`)).toEqual([{ n: 0 }]);
    expect(
      await api.dataSource.query(`SELECT count(*)::int AS n FROM registrations WHERE youth_key IS NOT NULL`),
    ).toEqual([{ n: 0 }]);
    expect((await api.dataSource.query(`SELECT status FROM matches`))[0].status).toBe('closed');
    // A second notice finds nothing left.
    const again = await api.http().post('/v1/deaths').set(bearer(ADMIN_KEY)).send({ youth }).expect(200);
    expect(again.body).toEqual({ registrationsRemoved: 0, archiveEntriesDestroyed: 0 });
  });
});
