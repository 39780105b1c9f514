import { addDays, todayInAmsterdam } from '../libs/common/src/calendar';
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

  it('keeps a register of requests: the age rule, four weeks to answer, advice before erasure, acting only once', async () => {
    const today = todayInAmsterdam(new Date());
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    await register(a, youth);
    await register(b, youth);
    await waitUntilSettled(api.dataSource);
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM subject_requests`);

    const wrongRequester = await api
      .http()
      .post('/v1/subject-requests')
      .set(admin)
      .send({ kind: 'access', receivedOn: today, requestedBy: 'youth', youthBirthDate: youth.birthDate })
      .expect(422);
    expect(wrongRequester.body).toMatchObject({ code: 'REQUESTER_NOT_ENTITLED' });
    expect(wrongRequester.body.errors[0].field).toBe('requestedBy');
    const future = await api
      .http()
      .post('/v1/subject-requests')
      .set(admin)
      .send({ kind: 'access', receivedOn: '2999-01-01', requestedBy: 'youth', youthBirthDate: youth.birthDate })
      .expect(400);
    expect(future.body.errors[0].field).toBe('receivedOn');
    await api.http().post('/v1/subject-requests').set(admin).send({ kind: 'inspection' }).expect(400);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM subject_requests`)).toEqual(before);

    const access = await api
      .http()
      .post('/v1/subject-requests')
      .set(admin)
      .send({
        kind: 'access',
        receivedOn: today,
        requestedBy: 'youth_and_legal_representative',
        youthBirthDate: youth.birthDate,
      })
      .expect(201);
    expect(access.body).toMatchObject({
      kind: 'access',
      receivedOn: today,
      dueOn: addDays(today, 28),
      deadline: 'open',
      answeredOn: null,
      reference: expect.stringMatching(/^VZ-\d{8}-\d+$/),
    });
    const stored = JSON.stringify(await api.dataSource.query(`SELECT * FROM subject_requests`));
    expect(stored).not.toContain(youth.bsn);
    expect(stored).not.toContain(youth.birthDate);

    const otherYouth = await api
      .http()
      .post(`/v1/subject-requests/${access.body.id}/answer`)
      .set(admin)
      .send({ youth: { bsn: aBsn(), birthDate: bornYearsAgo(19) } })
      .expect(422);
    expect(otherYouth.body).toMatchObject({ code: 'YOUTH_NOT_OF_REQUEST' });
    const answered = await api
      .http()
      .post(`/v1/subject-requests/${access.body.id}/answer`)
      .set(admin)
      .send({ youth })
      .expect(200);
    expect(answered.body.request).toMatchObject({
      decision: 'granted',
      answeredOn: today,
      deadline: 'answered',
      outcome: { registrations: 2, archiveEntries: 0, signals: expect.any(Number) },
    });
    expect(answered.body.access.registrations).toHaveLength(2);
    const again = await api
      .http()
      .post(`/v1/subject-requests/${access.body.id}/answer`)
      .set(admin)
      .send({ youth })
      .expect(409);
    expect(again.body.code).toBe('SUBJECT_REQUEST_ANSWERED');

    const erasure = await api
      .http()
      .post('/v1/subject-requests')
      .set(admin)
      .send({
        kind: 'erasure',
        receivedOn: today,
        requestedBy: 'youth_and_legal_representative',
        youthBirthDate: youth.birthDate,
        reference: 'VZ-2026/7',
      })
      .expect(201);
    const duplicate = await api
      .http()
      .post('/v1/subject-requests')
      .set(admin)
      .send({
        kind: 'erasure',
        receivedOn: today,
        requestedBy: 'youth_and_legal_representative',
        youthBirthDate: youth.birthDate,
        reference: 'VZ-2026/7',
      })
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'SUBJECT_REQUEST_REFERENCE_TAKEN' });
    const noAdvice = await api
      .http()
      .post(`/v1/subject-requests/${erasure.body.id}/answer`)
      .set(admin)
      .send({ youth })
      .expect(422);
    expect(noAdvice.body).toMatchObject({ code: 'REPORTER_ADVICE_NOT_ASKED' });
    expect(
      await api.dataSource.query(`SELECT count(*)::int AS n FROM registrations WHERE status = 'active'`),
    ).not.toEqual([{ n: 0 }]);
    const badAdvice = await api
      .http()
      .patch(`/v1/subject-requests/${erasure.body.id}`)
      .set(admin)
      .send({ adviceReceivedOn: today })
      .expect(400);
    expect(badAdvice.body.errors[0].field).toBe('adviceAskedOn');
    await api
      .http()
      .patch(`/v1/subject-requests/${erasure.body.id}`)
      .set(admin)
      .send({ adviceAskedOn: today, adviceReceivedOn: today })
      .expect(200);
    const erased = await api
      .http()
      .post(`/v1/subject-requests/${erasure.body.id}/answer`)
      .set(admin)
      .send({ youth })
      .expect(200);
    expect(erased.body.erasure).toEqual({ registrationsRemoved: 2, archiveEntriesDestroyed: 0 });
    expect(erased.body.request.outcome).toEqual({ registrationsRemoved: 2, archiveEntriesDestroyed: 0 });
    await api
      .http()
      .patch(`/v1/subject-requests/${erasure.body.id}`)
      .set(admin)
      .send({ adviceAskedOn: today })
      .expect(409);

    const list = await api.http().get('/v1/subject-requests').set(admin).expect(200);
    expect(list.body.map((r: { id: string }) => r.id).sort()).toEqual([access.body.id, erasure.body.id].sort());
    const actions = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE action LIKE 'subject-%' ORDER BY id`,
    );
    expect(actions.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining([
        'subject-request.recorded',
        'subject-access.answered',
        'subject-request.answered',
        'subject-request.updated',
        'subject-erasure.carried-out',
      ]),
    );
    await api.http().get('/v1/subject-requests').set(bearer(a.secret)).expect(403);
    await api.http().get('/v1/subject-requests/not-a-uuid').set(admin).expect(404);
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

  it('draws the dashboard per month, organisation kind and organisation, with follow-up and suppression', async () => {
    await waitUntilSettled(api.dataSource);
    const month = todayInAmsterdam(new Date()).slice(0, 7);
    const scopes = ['registrations', 'signals'];
    const school = await anOrganisation(api, { kind: 'education', scopes });
    const care = await anOrganisation(api, { kind: 'youth_care', scopes });
    const silent = await anOrganisation(api, { kind: 'health_care', scopes });
    for (let i = 0; i < 5; i += 1) {
      const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
      await register(school, youth);
      await register(care, youth);
    }
    await waitUntilSettled(api.dataSource);
    const matches: { id: string }[] = await api.dataSource.query(
      `SELECT DISTINCT match_id AS id FROM match_participants WHERE organisation_id = $1`,
      [school.id],
    );
    expect(matches).toHaveLength(5);
    for (const { id } of matches)
      for (const org of [school, care])
        await api
          .http()
          .post(`/v1/matches/${id}/contact-confirmation`)
          .set(bearer(org.secret))
          .send({ professionalId: org.professionalIds[0] })
          .expect(200);

    const response = await api.http().get(`/v1/statistics/dashboard?from=${month}&to=${month}`).set(admin).expect(200);
    const body = response.body;
    expect(body).toMatchObject({
      from: month,
      to: month,
      municipalityCode: '0983',
      today: todayInAmsterdam(new Date()),
    });
    expect(body.byMonth).toEqual([
      { month, registrations: expect.any(Number), matches: expect.any(Number), signals: expect.any(Number) },
    ]);
    const row = (id: string) => body.byOrganisation.find((o: { organisationId: string }) => o.organisationId === id);
    expect(row(school.id)).toMatchObject({
      name: school.name,
      organisationKind: 'education',
      status: 'connected',
      neverRegistered: false,
      registrations: 5,
      matches: 5,
      inContactWithinDeadline: 5,
      escalated: 0,
      followUpRate: 100,
      informationTasksOpen: 5,
      informationTasksOverdue: 0,
    });
    expect(row(school.id).medianDaysToContact).toBeLessThan(1);
    expect(row(silent.id)).toMatchObject({
      neverRegistered: true,
      registrations: 0,
      matches: 0,
      followUpRate: null,
      medianDaysToContact: null,
    });
    expect(row(a.id).neverRegistered).toBe(false);
    const practices = body.byOrganisationKind.find(
      (k: { organisationKind: string }) => k.organisationKind === 'health_care',
    );
    expect(practices).toMatchObject({ organisations: 1, registrations: 0 });
    // The police organisation registered a few youths: a count that must not be shown as such.
    expect(row(b.id).registrations).toBe('<5');
    for (const figures of [body.total, ...body.byMonth, ...body.byOrganisationKind, ...body.byOrganisation])
      for (const [key, value] of Object.entries(figures))
        if (typeof value === 'number' && !['organisations', 'followUpRate', 'medianDaysToContact'].includes(key))
          expect(value === 0 || value >= 5).toBe(true);
    for (const id of [...school.professionalIds, school.coordinatorId, ...matches.map((m) => m.id)])
      expect(JSON.stringify(body)).not.toContain(id);

    const quarter = await api.http().get(`/v1/statistics/dashboard?from=2026-01&to=2026-03`).set(admin).expect(200);
    expect(quarter.body.byMonth.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const reversed = await api.http().get('/v1/statistics/dashboard?from=2026-06&to=2026-01').set(admin).expect(400);
    expect(reversed.body.errors[0]).toMatchObject({ field: 'to' });
    await api.http().get('/v1/statistics/dashboard?from=2023-01&to=2026-01').set(admin).expect(400);
    await api.http().get(`/v1/statistics/dashboard?from=${month}&to=${month}`).set(bearer(a.secret)).expect(403);
  });

  it('keeps the register of complaints: due in six weeks, forwarded to the partner, closed by the response, counted for the year', async () => {
    const today = todayInAmsterdam(new Date());
    const receivedOn = addDays(today, -40);
    const complain = (body: object) => api.http().post('/v1/complaints').set(admin).send(body);
    const created = await complain({
      receivedOn,
      filedBy: 'legal_representative',
      topic: 'information',
      concernsOrganisationId: a.id,
    }).expect(201);
    expect(created.body).toMatchObject({
      reference: `KL-${today.replace(/-/g, '')}-1`,
      receivedOn,
      dueOn: addDays(receivedOn, 42),
      deadline: 'due_soon',
      concernsOrganisationId: a.id,
      concernsOrganisation: a.name,
      forwardedOn: null,
      respondedOn: null,
      outcome: null,
    });
    const aboutTheIndex = await complain({
      receivedOn: addDays(today, -50),
      filedBy: 'youth',
      topic: 'registration',
    }).expect(201);
    expect(aboutTheIndex.body).toMatchObject({ concernsOrganisationId: null, deadline: 'overdue' });

    // Bad input changes nothing.
    const before = (await api.http().get('/v1/complaints').set(admin).expect(200)).body.length;
    const future = await complain({ receivedOn: addDays(today, 1), filedBy: 'youth', topic: 'other' }).expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'receivedOn' });
    const unknown = await complain({ receivedOn, filedBy: 'neighbour', topic: 'gossip' }).expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['filedBy', 'topic']);
    await complain({
      receivedOn,
      filedBy: 'youth',
      topic: 'other',
      concernsOrganisationId: '00000000-0000-4000-8000-000000000000',
    }).expect(422);
    await complain({ receivedOn, filedBy: 'youth', topic: 'other', reference: created.body.reference }).expect(409);
    expect((await api.http().get('/v1/complaints').set(admin).expect(200)).body).toHaveLength(before);

    const patch = (id: string, body: object) => api.http().patch(`/v1/complaints/${id}`).set(admin).send(body);
    const forwarded = await patch(created.body.id, { forwardedOn: addDays(receivedOn, 2) }).expect(200);
    expect(forwarded.body).toMatchObject({ forwardedOn: addDays(receivedOn, 2), respondedOn: null });
    const notAPartner = await patch(aboutTheIndex.body.id, { forwardedOn: today }).expect(400);
    expect(notAPartner.body.errors[0]).toMatchObject({ field: 'forwardedOn' });
    const noOutcome = await patch(created.body.id, { respondedOn: today }).expect(400);
    expect(noOutcome.body.errors[0]).toMatchObject({ field: 'outcome' });
    const early = await patch(created.body.id, { respondedOn: addDays(receivedOn, -1), outcome: 'founded' }).expect(
      400,
    );
    expect(early.body.errors[0]).toMatchObject({ field: 'respondedOn' });
    const closed = await patch(created.body.id, { respondedOn: today, outcome: 'partly_founded' }).expect(200);
    expect(closed.body).toMatchObject({ deadline: 'answered', outcome: 'partly_founded', respondedOn: today });
    const again = await patch(created.body.id, { respondedOn: today, outcome: 'founded' }).expect(409);
    expect(again.body.code).toBe('COMPLAINT_CLOSED');

    const list = (await api.http().get('/v1/complaints').set(admin).expect(200)).body;
    expect(list.map((c: { id: string }) => c.id)).toEqual([aboutTheIndex.body.id, created.body.id]);
    const year = Number(receivedOn.slice(0, 4));
    const summary = await api.http().get(`/v1/complaints/summary?year=${year}`).set(admin).expect(200);
    expect(summary.body).toMatchObject({ year, received: '<5', responded: '<5', respondedInTime: '<5', open: '<5' });
    expect(summary.body.byTopic).toContainEqual({ key: 'rights', count: 0 });
    expect(summary.body.byOutcome).toContainEqual({ key: 'partly_founded', count: '<5' });
    await api.http().get('/v1/complaints/summary?year=twenty').set(admin).expect(400);

    const audited = await api.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`, [
      created.body.id,
    ]);
    expect(audited.map((e: { action: string }) => e.action)).toEqual([
      'complaint.recorded',
      'complaint.updated',
      'complaint.responded',
    ]);
    await api.http().get('/v1/complaints').set(bearer(a.secret)).expect(403);
    await api.http().get('/v1/complaints/not-a-uuid').set(admin).expect(404);
  });
});
