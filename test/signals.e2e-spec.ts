import { aFollowUpOfficer, anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { startWorker, WorkerProcess } from './support/processes';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { aBsn, bornYearsAgo } from './support/youths';

const SIGNAL_KEYS = [
  'acknowledgedAt',
  'concernsAnotherYouth',
  'coordinators',
  'createdAt',
  'id',
  'involved',
  'kind',
  'matchId',
  'matchKind',
  'onBehalfOf',
  'recipientProfessionalId',
  'recipientRole',
  'status',
];

/** The inbox and the match follow-up API, as recipients and the follow-up officer use them. */
describe('signals inbox and matches', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let gemeente: TestOrganisation;
  let officerId: string;
  let officer: string;
  let school: TestOrganisation;
  let police: TestOrganisation;
  let outsider: TestOrganisation;
  let youth: { bsn: string; birthDate: string };

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    worker = await startWorker();
    gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0, scopes: ['follow-up'] });
    officer = gemeente.secret;
    officerId = await aFollowUpOfficer(api, gemeente.id);
    school = await anOrganisation(api, { kind: 'education', scopes: ['registrations', 'signals'] });
    police = await anOrganisation(api, { kind: 'police_and_justice', scopes: ['registrations', 'signals'] });
    outsider = await anOrganisation(api, { kind: 'youth_care', scopes: ['registrations', 'signals'] });
    youth = { bsn: aBsn(), birthDate: bornYearsAgo(14, 12) };
    for (const org of [school, police]) {
      await aRegistration(api, org, youth);
    }
    await waitUntilSettled(api.dataSource);
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });

  it('shows a signal with exactly the allowed keys: who else is involved and how to reach them, nothing about the youth', async () => {
    const inbox = await api.http().get('/v1/signals').set(bearer(school.secret)).expect(200);
    expect(inbox.body.items).toHaveLength(2); // the professional's and the coordinator's
    const mine = inbox.body.items.find((s: { recipientRole: string }) => s.recipientRole === 'participant');
    expect(Object.keys(mine).sort()).toEqual(SIGNAL_KEYS);
    expect(mine).toMatchObject({
      kind: 'match',
      status: 'unread',
      recipientProfessionalId: school.professionalIds[0],
      acknowledgedAt: null,
    });
    expect(mine.involved).toHaveLength(1);
    expect(Object.keys(mine.involved[0]).sort()).toEqual(['email', 'name', 'organisation', 'phone', 'role', 'standIn']);
    expect(mine.onBehalfOf).toBeNull();
    expect(mine.involved[0].standIn).toBeNull();
    expect(mine.involved[0]).toMatchObject({ organisation: police.name, role: 'professional' });
    expect(mine.coordinators).toHaveLength(1);
    expect(Object.keys(mine.coordinators[0]).sort()).toEqual(['email', 'name', 'organisation', 'phone']);
    expect(mine.coordinators[0].organisation).toBe(police.name);
    const text = JSON.stringify(inbox.body);
    // No field about the youth (the value `same_youth` of matchKind names only what the match is about).
    for (const forbidden of [youth.bsn, youth.birthDate, 'plannedRemovalDate', 'registrationId', '"youth'])
      expect(text).not.toContain(forbidden);
  });

  it('filters by status and recipient, and never shows another organisation’s signals', async () => {
    const onlyMine = await api
      .http()
      .get(`/v1/signals?professionalId=${school.professionalIds[0]}&status=unread`)
      .set(bearer(school.secret))
      .expect(200);
    expect(onlyMine.body.items).toHaveLength(1);
    const outsiderInbox = await api.http().get('/v1/signals').set(bearer(outsider.secret)).expect(200);
    expect(outsiderInbox.body.items).toEqual([]);
    const foreignId = onlyMine.body.items[0].id;
    const foreign = await api.http().get(`/v1/signals/${foreignId}`).set(bearer(outsider.secret)).expect(404);
    expect(foreign.body.code).toBe('SIGNAL_NOT_FOUND');
    await api.http().post(`/v1/signals/${foreignId}/acknowledgement`).set(bearer(outsider.secret)).expect(404);
    await api.http().get('/v1/signals?status=read').set(bearer(school.secret)).expect(400);
    // The follow-up officer sees its copy; a registrations-only credential sees no signals at all.
    const officerInbox = await api.http().get('/v1/signals').set(bearer(officer)).expect(200);
    expect(officerInbox.body.items.map((s: { recipientRole: string }) => s.recipientRole)).toEqual([
      'follow_up_officer',
    ]);
    expect(officerInbox.body.items[0].recipientProfessionalId).toBe(officerId);
    expect(officerInbox.body.items[0].involved).toHaveLength(2);
    const registrationsOnly = await anOrganisation(api, { scopes: ['registrations'] });
    await api.http().get('/v1/signals').set(bearer(registrationsOnly.secret)).expect(403);
  });

  it('reading changes nothing but is traced; acknowledging is recorded once', async () => {
    const [signal] = (
      await api
        .http()
        .get(`/v1/signals?professionalId=${police.professionalIds[0]}`)
        .set(bearer(police.secret))
        .expect(200)
    ).body.items;
    const read = await api.http().get(`/v1/signals/${signal.id}`).set(bearer(police.secret)).expect(200);
    expect(read.body.status).toBe('unread');
    const first = await api
      .http()
      .post(`/v1/signals/${signal.id}/acknowledgement`)
      .set(bearer(police.secret))
      .expect(200);
    expect(first.body).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    const again = await api
      .http()
      .post(`/v1/signals/${signal.id}/acknowledgement`)
      .set(bearer(police.secret))
      .expect(200);
    expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
    const audit = await api.dataSource.query(
      `SELECT action, actor_organisation_id FROM audit_events WHERE object_id = $1 AND action LIKE 'signal.%' ORDER BY id`,
      [signal.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'signal.created',
      'signal.read',
      'signal.acknowledged',
    ]);
    expect(audit[1].actor_organisation_id).toBe(police.id);
    const unread = await api.http().get('/v1/signals?status=acknowledged').set(bearer(police.secret)).expect(200);
    expect(unread.body.items.map((s: { id: string }) => s.id)).toEqual([signal.id]);
  });

  it('follows the match until two participants confirm contact, with a lead', async () => {
    const [{ id: matchId }] = await api.dataSource.query(`SELECT id FROM matches`);
    const view = await api.http().get(`/v1/matches/${matchId}`).set(bearer(school.secret)).expect(200);
    expect(Object.keys(view.body).sort()).toEqual([
      'closedAt',
      'createdAt',
      'escalationActions',
      'followUp',
      'id',
      'kind',
      'lead',
      'participants',
    ]);
    expect(view.body.kind).toBe('same_youth');
    expect(view.body.participants.map((p: { organisation: string }) => p.organisation).sort()).toEqual(
      [school.name, police.name].sort(),
    );
    expect(view.body.followUp).toMatchObject({
      state: 'open',
      overdue: false,
      reminderDueOn: expect.any(String),
      escalationDueOn: expect.any(String),
    });
    expect(JSON.stringify(view.body)).not.toContain(youth.bsn);
    await api.http().get(`/v1/matches/${matchId}`).set(bearer(officer)).expect(200);
    await api.http().get(`/v1/matches/${matchId}`).set(bearer(outsider.secret)).expect(404);

    // A professional of another organisation cannot be confirmed by this one.
    const wrong = await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(school.secret))
      .send({ professionalId: police.professionalIds[0] })
      .expect(422);
    expect(wrong.body.code).toBe('NOT_A_PARTICIPANT');
    const one = await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(school.secret))
      .send({ professionalId: school.professionalIds[0] })
      .expect(200);
    expect(one.body.followUp.state).toBe('open');
    const badOutcome = await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(police.secret))
      .send({ professionalId: police.professionalIds[0], outcome: 'because' })
      .expect(400);
    expect(badOutcome.body.errors.map((e: { field: string }) => e.field)).toEqual(['outcome']);
    const two = await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(police.secret))
      .send({ professionalId: police.professionalIds[0], outcome: 'no_action_needed' })
      .expect(200);
    expect(two.body.followUp).toMatchObject({ state: 'in_contact', inContactAt: expect.any(String) });
    expect(
      two.body.participants
        .map((p: { organisation: string; contactOutcome: string }) => [p.organisation, p.contactOutcome])
        .sort(),
    ).toEqual(
      [
        [police.name, 'no_action_needed'],
        [school.name, 'contact_made'],
      ].sort(),
    );
    await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(police.secret))
      .send({ professionalId: police.professionalIds[0] })
      .expect(200);

    const led = await api
      .http()
      .post(`/v1/matches/${matchId}/lead`)
      .set(bearer(officer))
      .send({ professionalId: school.professionalIds[0] })
      .expect(200);
    expect(led.body.lead).toEqual({
      professionalId: school.professionalIds[0],
      name: expect.any(String),
      organisation: school.name,
    });
    const notParticipant = await api
      .http()
      .post(`/v1/matches/${matchId}/lead`)
      .set(bearer(school.secret))
      .send({ professionalId: outsider.professionalIds[0] })
      .expect(422);
    expect(notParticipant.body.code).toBe('NOT_A_PARTICIPANT');
    await api
      .http()
      .post(`/v1/matches/${matchId}/lead`)
      .set(bearer(school.secret))
      .send({ professionalId: 'x' })
      .expect(400);

    const inContact = await api.http().get('/v1/matches?followUp=in_contact').set(bearer(officer)).expect(200);
    expect(inContact.body.items.map((m: { id: string }) => m.id)).toEqual([matchId]);
    const open = await api.http().get('/v1/matches?followUp=open').set(bearer(officer)).expect(200);
    expect(open.body.items).toEqual([]);
    await api.http().get('/v1/matches?followUp=late').set(bearer(officer)).expect(400);
    const actions = await api.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`, [
      matchId,
    ]);
    expect(actions.map((a: { action: string }) => a.action).filter((a: string) => a !== 'match.read')).toEqual([
      'match.created',
      'match.contact-confirmed',
      'match.contact-confirmed',
      'match.contact-confirmed',
      'match.lead-chosen',
    ]);
    // Each read of the match (it shows other professionals' contact details) is traced.
    expect(actions.filter((a: { action: string }) => a.action === 'match.read')).toHaveLength(2);
  });

  it('lists overdue matches for the follow-up officer', async () => {
    const a = await anOrganisation(api, { scopes: ['registrations', 'signals'] });
    const b = await anOrganisation(api, { scopes: ['registrations', 'signals'] });
    const other = { bsn: aBsn(), birthDate: bornYearsAgo(6) };
    for (const org of [a, b]) await aRegistration(api, org, other);
    await waitUntilSettled(api.dataSource);
    await api.dataSource.query(`UPDATE matches SET escalation_due_on = current_date - 1 WHERE status = 'open'`);
    const overdue = await api.http().get('/v1/matches?followUp=overdue').set(bearer(officer)).expect(200);
    expect(overdue.body.items).toHaveLength(1);
    expect(overdue.body.items[0].followUp.overdue).toBe(true);
  });
});
