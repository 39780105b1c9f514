import { anOrganisation, TestOrganisation } from './support/factories';
import { BatchedSignalEvents1765100000000 } from '../libs/database/src/migrations/1765100000000-batched-signal-events';
import { startWorker, waitFor, WorkerProcess } from './support/processes';
import { startSmtpSink, startWebhookReceiver } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

const SECRET = 'webhook-secret-of-the-case-system';

/** Signals leave by e-mail (real SMTP server) and by webhook (real HTTP receiver), with retries. */
describe('signal delivery by e-mail and webhook', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver(SECRET);
    const env = { SMTP_URL: smtp.url, WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_WINDOW_MS: '3000' };
    api = await startApi(env);
    await api.reset();
    worker = await startWorker(env);
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await smtp?.close();
    await receiver?.close();
  });

  const setWebhook = (org: TestOrganisation, path: string) =>
    api
      .http()
      .patch(`/v1/organisations/${org.id}`)
      .set(bearer(ADMIN_KEY))
      .send({ webhookUrl: `${receiver.url}${path}`, webhookSecret: SECRET })
      .expect(200);
  const register = (org: TestOrganisation, youth: object) =>
    api
      .http()
      .post('/v1/registrations')
      .set(bearer(org.secret))
      .send({ professionalId: org.professionalIds[0], youth })
      .expect(201);
  const people = async (org: TestOrganisation) =>
    (await api.http().get(`/v1/organisations/${org.id}/professionals`).set(bearer(ADMIN_KEY)).expect(200)).body
      .items as { id: string; name: string; email: string }[];

  it('mails every recipient without anything about the youth or the others, retrying a temporary SMTP failure', async () => {
    const school = await anOrganisation(api, { kind: 'education' });
    const police = await anOrganisation(api, { kind: 'police_and_justice' });
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13, 40) };
    smtp.failNext(1);
    await register(school, youth);
    await register(police, youth);
    await waitUntilSettled(api.dataSource);
    const signals: { id: string; recipient_professional_id: string }[] = await api.dataSource.query(
      `SELECT id, recipient_professional_id FROM signals`,
    );
    expect(signals).toHaveLength(4); // two professionals, two coordinators (no officer in this gemeente yet)
    await waitFor('all e-mails', () => smtp.mails.length >= 4, 30_000);
    await waitUntilSettled(api.dataSource);

    const everyone = [...(await people(school)), ...(await people(police))];
    const byId = new Map(everyone.map((p) => [p.id, p]));
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(
      signals.map((s) => byId.get(s.recipient_professional_id)!.email).sort(),
    );
    expect(smtp.mails).toHaveLength(4); // each exactly once, the refused one included
    for (const mail of smtp.mails) {
      expect(mail.subject).toBe('Nieuw signaal in de verwijsindex (dezelfde jongere)');
      expect(mail.text).toContain('Er staat een nieuw signaal voor u klaar');
      const content = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const forbidden of [youth.bsn, youth.birthDate, school.name, police.name, ...everyone.map((p) => p.name)]) {
        expect(content).not.toContain(forbidden);
      }
      const signal = signals.find((s) => content.includes(s.id));
      expect(signal).toBeDefined();
      expect(mail.messageId).toBe(`<signal-${signal!.id}@verwijsindex>`);
    }
    const deliveries: { status: string; attempts: number; delivered: boolean; last_response: string }[] =
      await api.dataSource.query(
        `SELECT status, attempts, delivered_at IS NOT NULL AS delivered, last_response FROM signal_deliveries WHERE channel = 'email' ORDER BY attempts DESC`,
      );
    expect(deliveries.map((d) => [d.status, d.delivered, d.last_response])).toEqual(
      Array(4).fill(['delivered', true, 'smtp 250']),
    );
    expect(deliveries[0].attempts).toBe(2); // the temporary failure, then success
  });

  it('posts a signed CloudEvent to the organisation’s webhook, once in the end after three 500s', async () => {
    smtp.mails.length = 0;
    const withHook = await anOrganisation(api, { kind: 'youth_care' });
    const without = await anOrganisation(api, { kind: 'education' });
    await setWebhook(withHook, '/hook-a');
    receiver.respond('/hook-a', [500, 500, 500]);
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(8) };
    await register(withHook, youth);
    await register(without, youth);
    await waitUntilSettled(api.dataSource);
    const expected: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM signals WHERE recipient_organisation_id = $1`,
      [withHook.id],
    );
    expect(expected).toHaveLength(2); // its professional and its coordinator
    await waitFor(
      'webhook deliveries',
      async () => {
        const [{ n }] = await api.dataSource.query(
          `SELECT count(*)::int AS n FROM signal_deliveries WHERE channel = 'webhook' AND status = 'delivered'`,
        );
        return n === 2;
      },
      30_000,
    );

    const hookEvents = receiver.events.filter((e) => e.path === '/hook-a');
    const succeeded = hookEvents.filter((e) => e.status === 200);
    expect(succeeded).toHaveLength(2);
    expect(hookEvents).toHaveLength(5); // three refusals, then one success per signal
    for (const event of hookEvents) {
      expect(event.validSignature).toBe(true);
      expect(event.headers['content-type']).toBe('application/cloudevents+json');
      const cloudEvent = JSON.parse(event.body);
      expect(Object.keys(cloudEvent).sort()).toEqual([
        'data',
        'datacontenttype',
        'id',
        'source',
        'specversion',
        'time',
        'type',
      ]);
      expect(cloudEvent).toMatchObject({
        specversion: '1.0',
        type: 'nl.verwijsindex.signal-created',
        source: 'https://verwijsindex.test/v1',
      });
      expect(cloudEvent.data).toEqual({ signalId: cloudEvent.id, kind: expect.any(String), matchKind: 'same_youth' });
    }
    expect(new Set(succeeded.map((e) => JSON.parse(e.body).id))).toEqual(new Set(expected.map((s) => s.id)));
    // The organisation without a webhook received nothing; the signature cannot be forged without the secret.
    expect(receiver.events.every((e) => e.path === '/hook-a')).toBe(true);
    const attempts = await api.dataSource.query(
      `SELECT attempts FROM signal_deliveries WHERE channel = 'webhook' ORDER BY attempts DESC`,
    );
    expect(attempts.map((a: { attempts: number }) => a.attempts).reduce((x: number, y: number) => x + y, 0)).toBe(5);
  });

  it('delivers the signals of one match in one job, and still handles an event for a single signal', async () => {
    const a = await anOrganisation(api, { kind: 'youth_care' });
    const b = await anOrganisation(api, { kind: 'education' });
    await setWebhook(a, '/hook-batch');
    await setWebhook(b, '/hook-batch');
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10) };
    await register(a, youth);
    await register(b, youth);
    await waitUntilSettled(api.dataSource);
    const signals: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM signals WHERE recipient_organisation_id = ANY($1) ORDER BY id`,
      [[a.id, b.id]],
    );
    expect(signals).toHaveLength(4);
    const events: { payload: { signalIds: string[] } }[] = await api.dataSource.query(
      `SELECT payload FROM outbox WHERE topic = 'signals.webhook' AND payload->'signalIds' ? $1`,
      [signals[0].id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload.signalIds).toEqual(signals.map((s) => s.id)); // one event, one job, all four
    await waitFor(
      'the batch delivered',
      () => receiver.events.filter((e) => e.path === '/hook-batch').length === 4,
      30_000,
    );

    // An event written one signal at a time (as before batches) becomes a batch of one on upgrade
    // (migration BatchedSignalEvents) and is relayed and delivered too. Not the batch's first signal:
    // the batch job is named after that one, and its id is still taken.
    const single = [...signals].sort((a, b) => a.id.localeCompare(b.id)).at(-1)!;
    await api.dataSource.query(
      `UPDATE signal_deliveries SET status = 'pending' WHERE signal_id = $1 AND channel = 'webhook'`,
      [single.id],
    );
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO outbox (topic, payload) VALUES ('signal.webhook', $1)`, [
        JSON.stringify({ signalId: single.id }),
      ]);
      await new BatchedSignalEvents1765100000000().up(manager.queryRunner!);
    });
    await waitFor(
      'the single signal delivered again',
      () => receiver.events.filter((e) => e.path === '/hook-batch').length === 5,
      30_000,
    );
    expect(JSON.parse(receiver.events.filter((e) => e.path === '/hook-batch')[4].body).id).toBe(single.id);
    const [delivery] = await api.dataSource.query(
      `SELECT status, attempts FROM signal_deliveries WHERE signal_id = $1 AND channel = 'webhook'`,
      [single.id],
    );
    expect(delivery).toEqual({ status: 'delivered', attempts: 2 });
  });

  it('dead-letters a webhook that keeps failing past the retry window, visible to the administrator', async () => {
    const broken = await anOrganisation(api, { kind: 'youth_care' });
    const other = await anOrganisation(api, { kind: 'education' });
    await setWebhook(broken, '/hook-broken');
    receiver.respond(
      '/hook-broken',
      Array.from({ length: 100 }, () => 503),
    );
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(11) };
    await register(broken, youth);
    await register(other, youth);
    await waitFor(
      'dead letters',
      async () => {
        const [{ n }] = await api.dataSource.query(
          `SELECT count(*)::int AS n FROM signal_deliveries WHERE channel = 'webhook' AND status = 'dead' AND organisation_id = $1`,
          [broken.id],
        );
        return n === 2;
      },
      30_000,
    );
    const dead = await api
      .http()
      .get(`/v1/organisations/${broken.id}/deliveries?status=dead`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    expect(dead.body.items).toHaveLength(2);
    expect(dead.body.items[0]).toMatchObject({ channel: 'webhook', status: 'dead', lastError: 'http 503' });
    expect(dead.body.items[0].attempts).toBeGreaterThan(1);
    // Giving up is traced in the audit log, once per signal; a delivery that succeeds is not.
    const traced: { details: { channel: string; reason: string } }[] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'signal.delivery-dead' AND object_id = ANY($1)`,
      [dead.body.items.map((item: { signalId: string }) => item.signalId)],
    );
    expect(traced.map((t) => t.details)).toEqual([
      { channel: 'webhook', reason: 'http 503' },
      { channel: 'webhook', reason: 'http 503' },
    ]);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'signal.delivered'`,
    );
    expect(n).toBe(0);
    await api.http().get(`/v1/organisations/${broken.id}/deliveries`).set(bearer(broken.secret)).expect(403);
  });

  it('validates webhook settings', async () => {
    const org = await anOrganisation(api, { professionals: 0 });
    const cases: [object, number, string][] = [
      [{ webhookUrl: 'ftp://x.example/hook', webhookSecret: SECRET }, 400, 'VALIDATION_FAILED'],
      [{ webhookUrl: `${receiver.url}/x` }, 400, 'VALIDATION_FAILED'],
      [{ webhookUrl: `${receiver.url}/x`, webhookSecret: 'short' }, 400, 'VALIDATION_FAILED'],
      [{ followUpReminderWorkingDays: 3 }, 422, 'FOLLOW_UP_SETTINGS_MUNICIPALITY_ONLY'],
      [{ followUpClosingDays: ['2099-12-29'] }, 422, 'FOLLOW_UP_SETTINGS_MUNICIPALITY_ONLY'],
      [{}, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const response = await api
        .http()
        .patch(`/v1/organisations/${org.id}`)
        .set(bearer(ADMIN_KEY))
        .send(body)
        .expect(status);
      expect(response.body.code).toBe(code);
    }
    const set = await setWebhook(org, '/x');
    expect(set.body.webhookUrl).toBe(`${receiver.url}/x`);
    expect(JSON.stringify(set.body)).not.toContain(SECRET);
    const cleared = await api
      .http()
      .patch(`/v1/organisations/${org.id}`)
      .set(bearer(ADMIN_KEY))
      .send({ webhookUrl: null, webhookSecret: null })
      .expect(200);
    expect(cleared.body.webhookUrl).toBeNull();
  });

  it('refuses a webhook on a loopback or private address unless private targets are switched on for development', async () => {
    const production = await startApi({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    try {
      const org = await anOrganisation(production, { professionals: 0 });
      for (const url of [
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://[::1]/hook',
        'http://93.184.216.34/hook',
      ]) {
        const response = await production
          .http()
          .patch(`/v1/organisations/${org.id}`)
          .set(bearer(ADMIN_KEY))
          .send({ webhookUrl: url, webhookSecret: SECRET })
          .expect(422);
        expect(response.body.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
      }
      await production
        .http()
        .patch(`/v1/organisations/${org.id}`)
        .set(bearer(ADMIN_KEY))
        .send({ webhookUrl: 'https://93.184.216.34/hook', webhookSecret: SECRET })
        .expect(200);
    } finally {
      await production.close();
    }
  });
});
