import { TestingModule } from '@nestjs/testing';
import { FollowUpSweeper } from '../libs/matching/src';
import { aFollowUpOfficer, anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { MovableClock, startWorkerWithClock } from './support/movable-clock';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

describe('match follow-up: reminders and escalation on working days', () => {
  let api: TestApi;
  let worker: TestingModule;
  const clock = new MovableClock(new Date());
  let a: TestOrganisation;
  let b: TestOrganisation;
  let officerId: string;

  const followUpSignals = async () =>
    await api.dataSource.query<
      {
        kind: string;
        recipient_professional_id: string;
        recipient_role: string;
      }[]
    >(
      `SELECT kind, recipient_professional_id, recipient_role FROM signals WHERE kind IN ('reminder','escalation') ORDER BY kind, recipient_professional_id`,
    );
  const sweepOn = async (date: string) => {
    clock.set(date);
    await worker.get(FollowUpSweeper).sweep();
    await waitUntilSettled(api.dataSource);
  };

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    const gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0 });
    officerId = await aFollowUpOfficer(api, gemeente.id);
    a = await anOrganisation(api, { scopes: ['registrations', 'signals'] });
    b = await anOrganisation(api, { scopes: ['registrations', 'signals'] });
    clock.set('2026-11-30'); // a Monday
    worker = await startWorkerWithClock(clock);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('reminds unconfirmed participants after 5 working days and escalates after 10, once each, across a restart', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10) };
    for (const org of [a, b]) await aRegistration(api, org, youth);
    await waitUntilSettled(api.dataSource);
    const [match] = await api.dataSource.query(
      `SELECT id, reminder_due_on::text, escalation_due_on::text FROM matches`,
    );
    expect(match).toMatchObject({ reminder_due_on: '2026-12-07', escalation_due_on: '2026-12-14' }); // weekends not counted

    await sweepOn('2026-12-04'); // Friday: four working days
    expect(await followUpSignals()).toEqual([]);

    // One participant confirms; the reminder goes only to the other.
    await api
      .http()
      .post(`/v1/matches/${match.id}/contact-confirmation`)
      .set(bearer(a.secret))
      .send({ professionalId: a.professionalIds[0] })
      .expect(200);
    await sweepOn('2026-12-07'); // Monday: five working days
    expect(await followUpSignals()).toEqual([
      { kind: 'reminder', recipient_professional_id: b.professionalIds[0], recipient_role: 'participant' },
    ]);
    await sweepOn('2026-12-08');
    expect(await followUpSignals()).toHaveLength(1);

    // A restart: a new worker with the same clock sends nothing again.
    await worker.close();
    worker = await startWorkerWithClock(clock);
    await sweepOn('2026-12-11'); // Friday: nine working days
    expect(await followUpSignals()).toHaveLength(1);

    await sweepOn('2026-12-14'); // Monday: ten working days
    expect(await followUpSignals()).toEqual([
      { kind: 'escalation', recipient_professional_id: officerId, recipient_role: 'follow_up_officer' },
      { kind: 'reminder', recipient_professional_id: b.professionalIds[0], recipient_role: 'participant' },
    ]);
    await sweepOn('2026-12-15');
    expect(await followUpSignals()).toHaveLength(2);
    const [escalation] = await api.dataSource.query(
      `SELECT named_professional_ids FROM signals WHERE kind = 'escalation'`,
    );
    expect([...escalation.named_professional_ids].sort()).toEqual([a.professionalIds[0], b.professionalIds[0]].sort());
    const [state] = await api.dataSource.query(`SELECT reminded_at, escalated_at, status FROM matches WHERE id = $1`, [
      match.id,
    ]);
    expect(state).toMatchObject({ reminded_at: expect.any(Date), escalated_at: expect.any(Date), status: 'open' });
  });

  it('sends nothing for a match whose participants confirmed contact, and honours the municipality’s own deadlines', async () => {
    // The college's own organisation (the first municipality organisation of code 0983) sets the deadlines.
    const [gemeente] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE kind = 'municipality' AND name = 'Gemeente Venlo'`,
    );
    await api
      .http()
      .patch(`/v1/organisations/${gemeente.id}`)
      .set(bearer(ADMIN_KEY))
      .send({ followUpReminderWorkingDays: 2, followUpEscalationWorkingDays: 3 })
      .expect(200);
    clock.set('2026-12-18'); // a Friday
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    for (const org of [a, b]) await aRegistration(api, org, youth);
    await waitUntilSettled(api.dataSource);
    const [match] = await api.dataSource.query(
      `SELECT id, reminder_due_on::text, escalation_due_on::text FROM matches ORDER BY created_at DESC LIMIT 1`,
    );
    expect(match).toMatchObject({ reminder_due_on: '2026-12-22', escalation_due_on: '2026-12-23' }); // Friday + 2 and + 3 working days
    for (const org of [a, b]) {
      await api
        .http()
        .post(`/v1/matches/${match.id}/contact-confirmation`)
        .set(bearer(org.secret))
        .send({ professionalId: org.professionalIds[0] })
        .expect(200);
    }
    const before = (await followUpSignals()).length;
    await sweepOn('2027-01-15');
    expect(await followUpSignals()).toHaveLength(before);
  });
});
