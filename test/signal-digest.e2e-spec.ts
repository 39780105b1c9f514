import { TestingModule } from '@nestjs/testing';
import { addDays, amsterdamLocalToIso, todayInAmsterdam } from '../libs/common/src';
import { SignalDigest } from '../libs/signals/src/jobs/signal-digest';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { MovableClock, startWorkerWithClock } from './support/movable-clock';
import { startSmtpSink } from './support/receivers';
import { waitFor } from './support/processes';
import { waitUntilSettled } from './support/settle';
import { startApi, TestApi } from './support/test-api';
import { aBsn, bornYearsAgo } from './support/youths';

/** A person who takes the daily digest gets one e-mail a day instead of one per signal; nothing is mailed twice. */
describe('signal e-mail as a daily digest', () => {
  let api: TestApi;
  let worker: TestingModule;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const clock = new MovableClock(new Date());
  let a: TestOrganisation;
  let b: TestOrganisation;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi({ SMTP_URL: smtp.url });
    await api.reset();
    a = await anOrganisation(api, { scopes: ['registrations', 'signals'] });
    b = await anOrganisation(api, { scopes: ['registrations', 'signals'] });
    worker = await startWorkerWithClock(clock, { SMTP_URL: smtp.url, SIGNAL_DIGEST_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it("leaves the digest-taker's signals out of single e-mails and mails them once, from the digest hour", async () => {
    // As Mijn e-mail in the portal sets it (the portal suite chooses it in the browser).
    await api.dataSource.query(`UPDATE professionals SET signal_digest = true WHERE id = $1`, [a.professionalIds[0]]);
    const [{ email: digestAddress }] = await api.dataSource.query(`SELECT email FROM professionals WHERE id = $1`, [
      a.professionalIds[0],
    ]);
    const [{ email: singleAddress }] = await api.dataSource.query(`SELECT email FROM professionals WHERE id = $1`, [
      b.professionalIds[0],
    ]);
    const youths = [aBsn(), aBsn()];
    for (const bsn of youths)
      for (const org of [a, b]) await aRegistration(api, org, { bsn, birthDate: bornYearsAgo(11) });
    await waitUntilSettled(api.dataSource);
    await waitFor(
      'single e-mails to the other professional',
      () => smtp.mails.filter((m) => m.to.includes(singleAddress)).length >= 2,
    );
    const digestSignals: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM signals WHERE recipient_professional_id = $1 ORDER BY created_at`,
      [a.professionalIds[0]],
    );
    expect(digestSignals).toHaveLength(2);
    expect(smtp.mails.filter((m) => m.to.includes(digestAddress))).toEqual([]);

    // Before the digest hour of the day after, the signals of today wait.
    const digester = worker.get(SignalDigest);
    await digester.run();
    expect(smtp.mails.filter((m) => m.to.includes(digestAddress))).toEqual([]);

    const tomorrow = addDays(todayInAmsterdam(new Date()), 1);
    clock.current = new Date(amsterdamLocalToIso(`${tomorrow}T07:30`) as string);
    await expect(digester.run()).resolves.toEqual({ people: 1, signals: 2 });
    const digests = smtp.mails.filter((m) => m.to.includes(digestAddress));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Dagelijks overzicht: 2 nieuwe signalen in de verwijsindex');
    for (const { id } of digestSignals) expect(digests[0].text).toContain(`/signalen/${id}`);
    for (const bsn of youths) expect(digests[0].text).not.toContain(bsn);
    const deliveries = await api.dataSource.query(
      `SELECT status FROM signal_deliveries WHERE channel = 'email' AND signal_id = ANY($1)`,
      [digestSignals.map((s) => s.id)],
    );
    expect(deliveries).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);

    // A later run, or a second worker, finds nothing left.
    clock.current = new Date(clock.current.getTime() + 3_600_000);
    await expect(digester.run()).resolves.toEqual({ people: 0, signals: 0 });
    expect(smtp.mails.filter((m) => m.to.includes(digestAddress))).toHaveLength(1);
  });
});
