import { anOrganisation } from './support/factories';
import { startWorker, waitFor, WorkerProcess } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';

/** Data-breach notification (covenant privacy protocol art. 8): every breach address, with the time it was notified. */
describe('data breach notification', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi({ SMTP_URL: smtp.url });
    await api.reset();
    worker = await startWorker({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await smtp?.close();
  });

  it('e-mails every connected organisation’s breach address and records when', async () => {
    const organisations = [
      await anOrganisation(api, { professionals: 0 }),
      await anOrganisation(api, { professionals: 0 }),
      await anOrganisation(api, { professionals: 0 }),
    ];
    for (const [i, org] of organisations.entries()) {
      await api
        .http()
        .patch(`/v1/organisations/${org.id}`)
        .set(bearer(ADMIN_KEY))
        .send({ breachNotificationEmail: `fg${i}@partner.example` })
        .expect(200);
    }
    await api.http().post(`/v1/organisations/${organisations[2].id}/disconnection`).set(bearer(ADMIN_KEY)).expect(200);

    const reported = await api
      .http()
      .post('/v1/incidents')
      .set(bearer(ADMIN_KEY))
      .send({
        reference: 'DL-2026-014',
        occurredAt: '2026-11-27T16:00:00Z',
        summary: 'Een sleutel van een aangesloten zorgsysteem is uitgelekt en ingetrokken.',
      })
      .expect(201);
    expect(
      reported.body.notifications.map((n: { email: string; status: string }) => [n.email, n.status]).sort(),
    ).toEqual([
      ['fg0@partner.example', 'pending'],
      ['fg1@partner.example', 'pending'],
    ]);

    await waitFor('notifications', () => smtp.mails.length >= 2, 30_000);
    await waitFor('notified times recorded', async () => {
      const view = await api.http().get(`/v1/incidents/${reported.body.id}`).set(bearer(ADMIN_KEY)).expect(200);
      return view.body.notifications.every(
        (n: { status: string; notifiedAt: string | null }) => n.status === 'notified' && n.notifiedAt,
      );
    });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['fg0@partner.example', 'fg1@partner.example']);
    expect(smtp.mails[0].subject).toBe('Melding beveiligingsincident verwijsindex (DL-2026-014)');
    expect(smtp.mails[0].text).toContain('artikel 8 van het privacyprotocol');

    await api.http().get('/v1/incidents/00000000-0000-4000-8000-000000000000').set(bearer(ADMIN_KEY)).expect(404);
    const minimal = await api
      .http()
      .post('/v1/incidents')
      .set(bearer(ADMIN_KEY))
      .send({ description: 'Een laptop met toegang is gestolen.' })
      .expect(201);
    expect(minimal.body.reference).toMatch(/^INC-\d{14}$/);
    await api.http().post('/v1/incidents').set(bearer(ADMIN_KEY)).send({}).expect(400);
    await api
      .http()
      .post('/v1/incidents')
      .set(bearer(ADMIN_KEY))
      .send({ reference: 'x', occurredAt: 'gisteren', summary: 'x' })
      .expect(400);
    await api
      .http()
      .post('/v1/incidents')
      .set(bearer(ADMIN_KEY))
      .send({ reference: 'x', occurredAt: '2026-11-27T16:00:00Z', summary: 'x'.repeat(2001) })
      .expect(400);
  });

  it('records the decision on the Autoriteit once, and e-mails every partner each update until one closes it', async () => {
    const partner = await anOrganisation(api, { professionals: 0 });
    await api
      .http()
      .patch(`/v1/organisations/${partner.id}`)
      .set(bearer(ADMIN_KEY))
      .send({ breachNotificationEmail: 'fg.update@partner.example' })
      .expect(200);
    const admin = bearer(ADMIN_KEY);
    const reported = await api
      .http()
      .post('/v1/incidents')
      .set(admin)
      .send({ reference: 'DL-2026-020', summary: 'Een signaal ging naar een verkeerd e-mailadres.' })
      .expect(201);
    const id = reported.body.id as string;
    expect(reported.body).toMatchObject({ authorityDecision: null, updates: [], closedAt: null });

    const decide = (body: object) => api.http().post(`/v1/incidents/${id}/authority-decision`).set(admin).send(body);
    const bad = await decide({ decision: 'maybe' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'decision' });
    const referenceWithout = await decide({ decision: 'not_notified', authorityReference: 'AP-1' }).expect(400);
    expect(referenceWithout.body.errors[0]).toMatchObject({ field: 'authorityReference' });
    const decided = await decide({ decision: 'notified', authorityReference: 'AP-2026-12345' }).expect(200);
    expect(decided.body.authorityDecision).toMatchObject({
      decision: 'notified',
      inTime: true,
      authorityReference: 'AP-2026-12345',
    });
    expect((await decide({ decision: 'not_notified' }).expect(409)).body.code).toBe('AUTHORITY_DECISION_RECORDED');

    const update = (body: object) => api.http().post(`/v1/incidents/${id}/updates`).set(admin).send(body);
    await update({ summary: '   ' }).expect(400);
    const first = await update({ summary: 'De ontvanger heeft het bericht verwijderd.' }).expect(201);
    expect(first.body.updates).toEqual([
      expect.objectContaining({ round: 1, closes: false, summary: 'De ontvanger heeft het bericht verwijderd.' }),
    ]);
    const last = await update({ summary: 'Adressen worden nu dubbel gecontroleerd.', closes: true }).expect(201);
    expect(last.body.updates.map((u: { round: number }) => u.round)).toEqual([1, 2]);
    expect(last.body.closedAt).toEqual(expect.any(String));
    expect((await update({ summary: 'Nog iets.' }).expect(409)).body.code).toBe('INCIDENT_CLOSED');

    const toPartner = () => smtp.mails.filter((m) => m.to[0] === 'fg.update@partner.example');
    await waitFor('the report and both updates', () => toPartner().length >= 3, 30_000);
    expect(
      toPartner()
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'Melding beveiligingsincident verwijsindex (DL-2026-020)',
      'Update 1 beveiligingsincident verwijsindex (DL-2026-020)',
      'Update 2 beveiligingsincident verwijsindex (DL-2026-020): afgesloten',
    ]);
    expect(toPartner().find((m) => m.subject.startsWith('Update 2'))?.text).toContain('Adressen worden nu dubbel');
    await waitFor('update notifications recorded', async () => {
      const view = await api.http().get(`/v1/incidents/${id}`).set(admin).expect(200);
      return view.body.updates.every(
        (u: { partners: number; partnersNotified: number }) => u.partnersNotified === u.partners,
      );
    });
    // The report's own notifications stay those of round 0: the 24-hour clock is about the report.
    const view = await api.http().get(`/v1/incidents/${id}`).set(admin).expect(200);
    expect(
      view.body.notifications.filter((n: { email: string }) => n.email === 'fg.update@partner.example'),
    ).toHaveLength(1);
    const audited = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE object_id = $1 AND action <> 'incident.organisation-notified' ORDER BY id`,
      [id],
    );
    expect(audited.map((e: { action: string }) => e.action)).toEqual([
      'incident.reported',
      'incident.authority-decided',
      'incident.updated',
      'incident.updated',
    ]);
    await api
      .http()
      .post('/v1/incidents/00000000-0000-4000-8000-000000000000/updates')
      .set(admin)
      .send({ summary: 'x' })
      .expect(404);
  });
});
