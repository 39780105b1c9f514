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
});
