import { TestingModule } from '@nestjs/testing';
import { addDays } from '../libs/common/src';
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
  let gemeente: TestOrganisation;

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
    api = await startApi({}, { clock });
    await api.reset();
    gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0, scopes: ['follow-up'] });
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

  it('sends nothing for a match whose participants confirmed contact, and honours the municipality’s own deadlines and closing days', async () => {
    // The college's own organisation (the first municipality organisation of code 0983) sets the deadlines.
    const [gemeente] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE kind = 'municipality' AND name = 'Gemeente Venlo'`,
    );
    const settings = (body: object) =>
      api.http().patch(`/v1/organisations/${gemeente.id}`).set(bearer(ADMIN_KEY)).send(body);
    for (const [body, field] of [
      [{ followUpClosingDays: ['2026-02-30'] }, 'followUpClosingDays'],
      [{ followUpClosingDays: '2026-12-21' }, 'followUpClosingDays'],
      [{ followUpClosingDays: Array.from({ length: 61 }, (_, i) => addDays('2027-01-01', i)) }, 'followUpClosingDays'],
    ] as [object, string][]) {
      const refused = await settings(body).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unchanged = await api.http().get(`/v1/organisations/${gemeente.id}`).set(bearer(ADMIN_KEY)).expect(200);
    expect(unchanged.body.followUpClosingDays).toEqual([]);
    const set = await settings({
      followUpReminderWorkingDays: 2,
      followUpEscalationWorkingDays: 3,
      followUpClosingDays: ['2026-12-22', '2026-12-21', '2026-12-22'],
    }).expect(200);
    expect(set.body.followUpClosingDays).toEqual(['2026-12-21', '2026-12-22']);
    clock.set('2026-12-18'); // a Friday
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    for (const org of [a, b]) await aRegistration(api, org, youth);
    await waitUntilSettled(api.dataSource);
    const [match] = await api.dataSource.query(
      `SELECT id, reminder_due_on::text, escalation_due_on::text FROM matches ORDER BY created_at DESC LIMIT 1`,
    );
    // Friday + 2 and + 3 working days, the closed Monday and Tuesday and both Kerstdagen skipped.
    expect(match).toMatchObject({ reminder_due_on: '2026-12-24', escalation_due_on: '2026-12-28' });
    await settings({ followUpClosingDays: null }).expect(200);
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

  it('lets the follow-up officer record handling an escalation: whom they contacted, a next check, then resolved', async () => {
    clock.set('2027-01-15'); // a Friday
    const [escalated] = await api.dataSource.query(`SELECT id FROM matches WHERE escalated_at IS NOT NULL`);
    const [notEscalated] = await api.dataSource.query(`SELECT id FROM matches WHERE escalated_at IS NULL`);
    const officer = bearer(gemeente.secret);
    const handle = (id: string, body: object, who = officer) =>
      api.http().post(`/v1/matches/${id}/escalation-actions`).set(who).send(body);
    const list = async (filter: string) =>
      (await api.http().get(`/v1/matches?followUp=${filter}`).set(officer).expect(200)).body.items.map(
        (m: { id: string }) => m.id,
      );
    const participant = a.professionalIds[0];
    expect(await list('escalated')).toEqual([escalated.id]);
    expect(await list('overdue')).toEqual([escalated.id]);

    // Bad input, a wrong person, another organisation: each refused, nothing recorded.
    const refusals: [object, number, string, string?][] = [
      [{ contacted: [], outcome: 'resolved' }, 400, 'VALIDATION_FAILED', 'contacted'],
      [{ contacted: ['nope'], outcome: 'resolved' }, 400, 'VALIDATION_FAILED', 'contacted'],
      [{ contacted: [participant], outcome: 'called' }, 400, 'VALIDATION_FAILED', 'outcome'],
      [{ contacted: [participant], outcome: 'contact_pending' }, 400, 'VALIDATION_FAILED', 'nextCheckOn'],
      [
        { contacted: [participant], outcome: 'contact_pending', nextCheckOn: '2027-01-15' },
        422,
        'NEXT_CHECK_ON_INVALID',
        'nextCheckOn',
      ],
      [
        { contacted: [participant], outcome: 'contact_pending', nextCheckOn: '2027-04-01' },
        422,
        'NEXT_CHECK_ON_INVALID',
        'nextCheckOn',
      ],
      [
        { contacted: [participant], outcome: 'resolved', nextCheckOn: '2027-01-20' },
        422,
        'NEXT_CHECK_ON_INVALID',
        'nextCheckOn',
      ],
      [{ contacted: [officerId], outcome: 'resolved' }, 422, 'NOT_A_PARTICIPANT', 'contacted'],
    ];
    for (const [body, status, code, field] of refusals) {
      const response = await handle(escalated.id, body).expect(status);
      expect(response.body.code).toBe(code);
      if (field) expect(response.body.errors.map((e: { field: string }) => e.field.split('.')[0])).toContain(field);
    }
    expect(
      (await handle(notEscalated.id, { contacted: [participant], outcome: 'resolved' }).expect(409)).body.code,
    ).toBe('NOT_ESCALATED');
    await handle(escalated.id, { contacted: [participant], outcome: 'resolved' }, bearer(a.secret)).expect(403);
    expect(await api.dataSource.query(`SELECT 1 FROM match_escalation_actions`)).toEqual([]);

    const pending = await handle(escalated.id, {
      contacted: [participant, b.professionalIds[0], participant],
      outcome: 'contact_pending',
      nextCheckOn: '2027-01-20',
    }).expect(201);
    expect(pending.body.followUp).toMatchObject({
      escalationNextCheckOn: '2027-01-20',
      escalationCheckDue: false,
      escalationResolvedAt: null,
      overdue: true,
    });
    expect(pending.body.escalationActions).toEqual([
      expect.objectContaining({
        outcome: 'contact_pending',
        nextCheckOn: '2027-01-20',
        recordedBy: null,
        contacted: expect.arrayContaining([expect.objectContaining({ professionalId: b.professionalIds[0] })]),
      }),
    ]);
    expect(pending.body.escalationActions[0].contacted).toHaveLength(2);
    expect(await list('check_due')).toEqual([]);
    clock.set('2027-01-20');
    expect(await list('check_due')).toEqual([escalated.id]);

    const resolved = await handle(escalated.id, { contacted: [b.professionalIds[0]], outcome: 'resolved' }).expect(201);
    expect(resolved.body.followUp).toMatchObject({
      escalationResolvedAt: expect.any(String),
      overdue: false,
      state: 'open',
    });
    expect(resolved.body.escalationActions.map((x: { outcome: string }) => x.outcome)).toEqual([
      'contact_pending',
      'resolved',
    ]);
    for (const filter of ['escalated', 'overdue', 'check_due']) expect(await list(filter)).toEqual([]);
    expect(await list('open')).toContain(escalated.id);
    expect((await handle(escalated.id, { contacted: [participant], outcome: 'resolved' }).expect(409)).body.code).toBe(
      'ESCALATION_RESOLVED',
    );
    const audited = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'match.escalation-handled' ORDER BY occurred_at`,
    );
    expect(audited.map((e: { details: { outcome: string } }) => e.details.outcome)).toEqual([
      'contact_pending',
      'resolved',
    ]);
  });
});
