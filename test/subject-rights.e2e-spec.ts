import { todayInAmsterdam } from '../libs/common/src/calendar';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { startWorker, WorkerProcess } from './support/processes';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

/** Rights of the young person and aggregate statistics, as the college's administrator uses them. */
describe('subject rights and statistics', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let a: TestOrganisation;
  let b: TestOrganisation;
  const admin = bearer(ADMIN_KEY);

  const register = async (org: TestOrganisation, youth: object) =>
    (await aRegistration(api, org, youth)).body as { id: string; professionalId: string };

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    worker = await startWorker();
    a = await anOrganisation(api, { kind: 'education' });
    b = await anOrganisation(api, { kind: 'police_and_justice' });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });

  it('answers an access request about one youth only, says who must file it, and records it', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    const other = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    const archived = await register(a, youth);
    await api
      .http()
      .post(`/v1/registrations/${archived.id}/withdrawal`)
      .set(bearer(a.secret))
      .send({ reason: 'risk_gone', professionalId: archived.professionalId })
      .expect(200);
    await register(a, youth);
    await register(b, youth);
    const otherRegistration = await register(b, other);
    await waitUntilSettled(api.dataSource);

    const response = await api.http().post('/v1/subject-access-requests').set(admin).send({ youth }).expect(200);
    expect(response.body.requestedBy).toBe('youth_and_legal_representative');
    expect(response.body.registrations).toHaveLength(2);
    expect(response.body.registrations.map((r: { organisation: string }) => r.organisation).sort()).toEqual(
      [a.name, b.name].sort(),
    );
    expect(response.body.archiveEntries).toEqual([
      {
        organisation: a.name,
        professional: expect.any(String),
        archivedAt: expect.any(String),
        destroyAt: expect.any(String),
      },
    ]);
    expect(response.body.signals.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(response.body)).not.toContain(otherRegistration.id);
    expect(JSON.stringify(response.body)).not.toContain(youth.bsn);
    const [audit] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'subject-access.answered'`,
    );
    expect(audit.details).toMatchObject({ registrations: 2, archiveEntries: 1 });

    const young = await api
      .http()
      .post('/v1/subject-access-requests')
      .set(admin)
      .send({ youth: { surname: 'Nobody', birthDate: bornYearsAgo(8), sex: 'M' } })
      .expect(200);
    expect(young.body).toEqual({
      requestedBy: 'legal_representative',
      registrations: [],
      archiveEntries: [],
      signals: [],
    });
    await api.http().post('/v1/subject-access-requests').set(bearer(a.secret)).send({ youth }).expect(403);
  });

  it('erases on request without archiving, for selected registrations or everything', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(17) };
    const first = await register(a, youth);
    await api
      .http()
      .post(`/v1/registrations/${first.id}/withdrawal`)
      .set(bearer(a.secret))
      .send({ reason: 'risk_gone', professionalId: first.professionalId })
      .expect(200);
    const one = await register(a, youth);
    const two = await register(b, youth);

    const unknown = await api
      .http()
      .post('/v1/subject-erasures')
      .set(admin)
      .send({ youth, ground: 'objection', registrationIds: ['6f1c2a9e-0000-4000-8000-000000000000'] })
      .expect(422);
    expect(unknown.body.code).toBe('REGISTRATION_NOT_OF_THIS_YOUTH');
    const partial = await api
      .http()
      .post('/v1/subject-erasures')
      .set(admin)
      .send({ youth, ground: 'objection', registrationIds: [one.id] })
      .expect(200);
    expect(partial.body).toEqual({ registrationsRemoved: 1, archiveEntriesDestroyed: 0 });
    const rest = await api.http().post('/v1/subject-erasures').set(admin).send({ youth }).expect(200); // ground defaults to erasure
    expect(rest.body).toEqual({ registrationsRemoved: 1, archiveEntriesDestroyed: 1 });
    const reasons = await api.dataSource.query(
      `SELECT id, removal_reason FROM registrations WHERE id = ANY($1) ORDER BY removal_reason`,
      [[one.id, two.id]],
    );
    expect(reasons.map((r: { removal_reason: string }) => r.removal_reason)).toEqual(['erasure', 'objection']);
    const after = await api.http().post('/v1/subject-access-requests').set(admin).send({ youth }).expect(200);
    expect(after.body).toMatchObject({ registrations: [], archiveEntries: [] });
    await api.http().post('/v1/subject-erasures').set(admin).send({ youth, ground: 'because' }).expect(400);
  });

  it('reports aggregates per month and organisation kind, showing 1–4 as "<5"', async () => {
    await waitUntilSettled(api.dataSource);
    const month = todayInAmsterdam(new Date()).slice(0, 7);
    for (let i = 0; i < 5; i += 1) await register(a, { bsn: aBsn(), birthDate: bornYearsAgo(10) });
    const response = await api.http().get(`/v1/statistics?from=${month}&to=${month}`).set(admin).expect(200);
    expect(response.body).toMatchObject({ from: month, to: month, municipalityCode: '0983' });
    const education = response.body.rows.find((r: { organisationKind: string }) => r.organisationKind === 'education');
    const police = response.body.rows.find(
      (r: { organisationKind: string }) => r.organisationKind === 'police_and_justice',
    );
    expect(typeof education.registrations).toBe('number');
    expect(education.registrations).toBeGreaterThanOrEqual(5);
    expect(police.registrations).toBe('<5');
    expect(police.withdrawnRiskGone).toBe(0);
    for (const row of response.body.rows) {
      for (const value of Object.values(row))
        if (typeof value === 'number') expect(value === 0 || value >= 5).toBe(true);
      expect(Object.keys(row).sort()).toEqual(
        [
          'escalated',
          'expired',
          'inContactWithinDeadline',
          'matches',
          'month',
          'organisationKind',
          'registrations',
          'signals',
          'withdrawnRiskGone',
          'withdrawnUnjustified',
        ].sort(),
      );
    }
    const byDates = await api.http().get(`/v1/statistics?from=${month}-01&to=${month}-28`).set(admin).expect(200);
    expect(byDates.body.rows).toEqual(response.body.rows);
    await api.http().get('/v1/statistics?from=2026-13&to=2026-12').set(admin).expect(400);
    await api.http().get('/v1/statistics?from=2026-06&to=2026-01').set(admin).expect(400);
    await api.http().get(`/v1/statistics?from=${month}&to=${month}`).set(bearer(a.secret)).expect(403);
  });
});
