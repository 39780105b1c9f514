import { aFollowUpOfficer, anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { cliWithEnv, startWorker, WorkerProcess } from './support/processes';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

/**
 * Two colleges in one database: Venlo (0983, the bootstrap administrator) and Beesel (0889,
 * an administrator made the documented way, `admin create` with its own VIR_MUNICIPALITY_CODE).
 * A youth registered in both. Every administrator operation of Beesel sees only Beesel.
 */
describe('the college boundary', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let venlo: TestOrganisation;
  let beesel: TestOrganisation;
  let beeselAdmin: string;
  const youth = { bsn: aBsn(), birthDate: bornYearsAgo(11) };
  let venloRegistration: string;
  let beeselRegistration: string;
  let beeselPrivacyOfficer: string;

  const register = async (org: TestOrganisation) => (await aRegistration(api, org, youth)).body.id as string;

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    worker = await startWorker();
    const created = await cliWithEnv(
      { VIR_MUNICIPALITY_CODE: '0889', VIR_MUNICIPALITY_NAME: 'Gemeente Beesel' },
      'admin',
      'create',
      'beheerder Beesel',
    );
    beeselAdmin = /Secret \(shown once\): (\S+)/.exec(created.stdout)?.[1] as string;
    venlo = await anOrganisation(api, { kind: 'education' });
    beesel = await anOrganisation(api, { kind: 'health_care', adminKey: beeselAdmin, municipalityCode: '0889' });
    const [{ id: beeselGemeente }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0889' AND kind = 'municipality'`,
    );
    const issued = await api
      .http()
      .post(`/v1/organisations/${beeselGemeente}/credentials`)
      .set(bearer(beeselAdmin))
      .send({ scopes: ['audit'], label: 'functionaris gegevensbescherming' })
      .expect(201);
    beeselPrivacyOfficer = issued.body.secret;
    const [{ id: venloGemeente }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    await aFollowUpOfficer(api, venloGemeente);
    venloRegistration = await register(venlo);
    beeselRegistration = await register(beesel);
    await waitUntilSettled(api.dataSource);
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });

  it('matches across the region: both registrants are signalled', async () => {
    const signals: { recipient_organisation_id: string }[] = await api.dataSource.query(
      `SELECT recipient_organisation_id FROM signals WHERE recipient_role = 'participant'`,
    );
    expect(signals.map((s) => s.recipient_organisation_id).sort()).toEqual([venlo.id, beesel.id].sort());
  });

  it('a subject access request answers only with what the asking college is the controller of', async () => {
    const answer = await api
      .http()
      .post('/v1/subject-access-requests')
      .set(bearer(beeselAdmin))
      .send({ youth })
      .expect(200);
    expect(answer.body.registrations.map((r: { id: string }) => r.id)).toEqual([beeselRegistration]);
    expect(JSON.stringify(answer.body)).not.toContain(venlo.name);
    expect(
      answer.body.signals.every((s: { recipientOrganisation: string }) => s.recipientOrganisation === beesel.name),
    ).toBe(true);
    const venloAnswer = await api
      .http()
      .post('/v1/subject-access-requests')
      .set(bearer(ADMIN_KEY))
      .send({ youth })
      .expect(200);
    expect(venloAnswer.body.registrations.map((r: { id: string }) => r.id)).toEqual([venloRegistration]);
    expect(JSON.stringify(venloAnswer.body)).not.toContain(beesel.name);
  });

  it("reads only the own college's audit log, and the read is itself traced", async () => {
    const log = await api.http().get('/v1/audit-events?limit=500').set(bearer(beeselPrivacyOfficer)).expect(200);
    const events: {
      objectId: string | null;
      actorOrganisationId: string | null;
      details: { recipientOrganisationId?: string };
    }[] = log.body.items;
    expect(events.length).toBeGreaterThan(0);
    const ids = JSON.stringify(events);
    expect(ids).not.toContain(venloRegistration);
    expect(ids).not.toContain(venlo.id);
    expect(events.some((e) => e.objectId === beeselRegistration)).toBe(true);
    // A filter for another college's object finds nothing rather than it.
    const probe = await api
      .http()
      .get(`/v1/audit-events?objectId=${venloRegistration}`)
      .set(bearer(beeselPrivacyOfficer))
      .expect(200);
    expect(probe.body.items).toEqual([]);
    const [read] = await api.dataSource.query(
      `SELECT municipality_code FROM audit_events WHERE action = 'audit-events.read' ORDER BY id DESC LIMIT 1`,
    );
    expect(read.municipality_code).toBe('0889');
  });

  it("never reaches another college's organisations, incidents or deliveries, answering as if they did not exist", async () => {
    const incident = await api
      .http()
      .post('/v1/incidents')
      .set(bearer(ADMIN_KEY))
      .send({ summary: 'Laptop kwijt' })
      .expect(201);
    const nothing = (
      await api
        .http()
        .get('/v1/organisations/00000000-0000-4000-8000-000000000000')
        .set(bearer(beeselAdmin))
        .expect(404)
    ).body.code;
    for (const path of [
      `/v1/organisations/${venlo.id}`,
      `/v1/organisations/${venlo.id}/professionals`,
      `/v1/organisations/${venlo.id}/professionals/${venlo.professionalIds[0]}`,
      `/v1/organisations/${venlo.id}/credentials`,
      `/v1/organisations/${venlo.id}/deliveries`,
    ]) {
      expect((await api.http().get(path).set(bearer(beeselAdmin)).expect(404)).body.code).toBe(nothing);
    }
    await api.http().get(`/v1/incidents/${incident.body.id}`).set(bearer(beeselAdmin)).expect(404);
    const complaint = await api
      .http()
      .post('/v1/complaints')
      .set(bearer(ADMIN_KEY))
      .send({ receivedOn: '2026-11-02', filedBy: 'youth', topic: 'registration', concernsOrganisationId: venlo.id })
      .expect(201);
    await api.http().get(`/v1/complaints/${complaint.body.id}`).set(bearer(beeselAdmin)).expect(404);
    await api
      .http()
      .patch(`/v1/complaints/${complaint.body.id}`)
      .set(bearer(beeselAdmin))
      .send({ respondedOn: '2026-11-20', outcome: 'unfounded' })
      .expect(404);
    expect((await api.http().get('/v1/complaints').set(bearer(beeselAdmin)).expect(200)).body).toEqual([]);
    const aboutVenlo = await api
      .http()
      .post('/v1/complaints')
      .set(bearer(beeselAdmin))
      .send({ receivedOn: '2026-11-02', filedBy: 'youth', topic: 'other', concernsOrganisationId: venlo.id })
      .expect(422);
    expect(aboutVenlo.body).toMatchObject({ code: 'ORGANISATION_NOT_OF_COLLEGE' });
    await api
      .http()
      .patch(`/v1/organisations/${venlo.id}`)
      .set(bearer(beeselAdmin))
      .send({ agreementReference: 'x' })
      .expect(404);
    await api.http().post(`/v1/organisations/${venlo.id}/disconnection`).set(bearer(beeselAdmin)).expect(404);
    const listed = await api.http().get('/v1/organisations').set(bearer(beeselAdmin)).expect(200);
    expect(listed.body.items.every((o: { municipalityCode: string }) => o.municipalityCode === '0889')).toBe(true);
    const statistics = await api
      .http()
      .get('/v1/statistics?from=2020-01&to=2022-12')
      .set(bearer(beeselAdmin))
      .expect(200);
    expect(statistics.body.municipalityCode).toBe('0889');
  });

  it("a death notice or erasure typed in by one college removes only its own organisations' registrations", async () => {
    const death = await api
      .http()
      .post('/v1/deaths')
      .set(bearer(beeselAdmin))
      .send({ youth: { bsn: youth.bsn } })
      .expect(200);
    expect(death.body).toEqual({ registrationsRemoved: 1, archiveEntriesDestroyed: 0 });
    const [venloRow] = await api.dataSource.query(`SELECT status FROM registrations WHERE id = $1`, [
      venloRegistration,
    ]);
    expect(venloRow.status).toBe('active');
    const erasure = await api.http().post('/v1/subject-erasures').set(bearer(beeselAdmin)).send({ youth }).expect(200);
    expect(erasure.body).toEqual({ registrationsRemoved: 0, archiveEntriesDestroyed: 0 });
    const selection = await api
      .http()
      .post('/v1/subject-erasures')
      .set(bearer(beeselAdmin))
      .send({ youth, registrationIds: [venloRegistration] })
      .expect(422);
    expect(selection.body.code).toBe('REGISTRATION_NOT_OF_THIS_YOUTH');
    expect(
      (await api.dataSource.query(`SELECT status FROM registrations WHERE id = $1`, [venloRegistration]))[0].status,
    ).toBe('active');
  });
});
