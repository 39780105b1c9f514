import { TestingModule } from '@nestjs/testing';
import { addDays, addMonths, todayInAmsterdam } from '../libs/common/src/calendar';
import { MatchRetention } from '../libs/matching/src';
import { RetentionService } from '../libs/registrations/src';
import { aFollowUpOfficer, anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { MovableClock, startWorkerWithClock } from './support/movable-clock';
import { waitUntilSettled } from './support/settle';
import { bearer, countRows, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

interface SignalRow {
  id: string;
  trigger_registration_id: string;
  recipient_professional_id: string;
  named_professional_ids: string[];
}

/** Signals and matches follow what they derive from: removed registrations leave no names behind, and nothing outlives its term. */
describe('derived data follows the registrations', () => {
  let api: TestApi;
  let worker: TestingModule;
  const clock = new MovableClock(new Date());
  let orgs: TestOrganisation[];
  let gemeente: TestOrganisation;
  let officerId: string;

  const register = async (org: TestOrganisation, youth: object) =>
    (await aRegistration(api, org, youth)).body as { id: string; professionalId: string };
  const withdraw = (org: TestOrganisation, registration: { id: string; professionalId: string }, reason: string) =>
    api
      .http()
      .post(`/v1/registrations/${registration.id}/withdrawal`)
      .set(bearer(org.secret))
      .send({ reason, professionalId: registration.professionalId })
      .expect(200);
  const signals = (): Promise<SignalRow[]> =>
    api.dataSource.query(
      `SELECT id, trigger_registration_id, recipient_professional_id, named_professional_ids FROM signals`,
    );
  const matchOf = async (registrationId: string) =>
    (
      await api.dataSource.query(
        `SELECT m.id, m.status, mp.left_at FROM matches m JOIN match_participants mp ON mp.match_id = m.id WHERE mp.registration_id = $1`,
        [registrationId],
      )
    )[0] as { id: string; status: string; left_at: Date | null };

  beforeAll(async () => {
    api = await startApi();
    clock.current = new Date();
    worker = await startWorkerWithClock(clock);
  });
  beforeEach(async () => {
    clock.current = new Date();
    await waitUntilSettled(api.dataSource);
    await api.reset();
    gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0, scopes: ['follow-up'] });
    officerId = await aFollowUpOfficer(api, gemeente.id);
    orgs = [await anOrganisation(api), await anOrganisation(api), await anOrganisation(api)];
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const threeRegistrations = async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    const registrations = [];
    for (const org of orgs) registrations.push(await register(org, youth));
    await waitUntilSettled(api.dataSource);
    return { youth, registrations };
  };

  it.each([['unjustified'], ['erasure'], ['objection']])(
    'after a removal that leaves nothing (%s), no signal names its professional and the signals it triggered name no one',
    async (how) => {
      const { youth, registrations } = await threeRegistrations();
      const [first] = registrations;
      const removedProfessional = first.professionalId;
      expect((await signals()).some((s) => s.named_professional_ids.includes(removedProfessional))).toBe(true);
      if (how === 'unjustified') await withdraw(orgs[0], first, 'unjustified');
      else
        await api
          .http()
          .post('/v1/subject-erasures')
          .set(bearer(ADMIN_KEY))
          .send({ youth, ground: how, registrationIds: [first.id] })
          .expect(200);
      await waitUntilSettled(api.dataSource);

      const after = await signals();
      expect(after.filter((s) => s.named_professional_ids.includes(removedProfessional))).toEqual([]);
      expect(
        after.filter((s) => s.trigger_registration_id === first.id).every((s) => s.named_professional_ids.length === 0),
      ).toBe(true);
      expect((await matchOf(first.id)).left_at).not.toBeNull();
      expect((await matchOf(registrations[1].id)).status).toBe('open'); // two remain
      // What the others read no longer names the removed professional.
      const inbox = await api.http().get('/v1/signals').set(bearer(orgs[1].secret)).expect(200);
      const names = inbox.body.items.flatMap((s: { involved: { name: string }[] }) => s.involved.map((p) => p.name));
      expect(names.some((name: string) => name.includes(orgs[0].name))).toBe(false);
      const [trace] = await api.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'signals.withdrawn' AND object_id = $1`,
        [first.id],
      );
      expect(trace.details).toMatchObject({ reason: how });
    },
  );

  it('a registration withdrawn because the risk is gone leaves the match but stays named: it was lawful and is archived', async () => {
    const { registrations } = await threeRegistrations();
    await withdraw(orgs[0], registrations[0], 'risk_gone');
    await waitUntilSettled(api.dataSource);
    expect((await signals()).some((s) => s.named_professional_ids.includes(registrations[0].professionalId))).toBe(
      true,
    );
    expect((await matchOf(registrations[0].id)).left_at).not.toBeNull();
  });

  it('after a death notice the match closes and no signal names anyone of it', async () => {
    const { youth, registrations } = await threeRegistrations();
    await api
      .http()
      .post('/v1/deaths')
      .set(bearer(ADMIN_KEY))
      .send({ youth: { bsn: youth.bsn } })
      .expect(200);
    await waitUntilSettled(api.dataSource);
    expect((await matchOf(registrations[0].id)).status).toBe('closed');
    const participants = new Set(registrations.map((r) => r.professionalId));
    expect((await signals()).filter((s) => s.named_professional_ids.some((id) => participants.has(id)))).toEqual([]);
  });

  it('shows the participants of a match by name, with no registration times or order of joining', async () => {
    await threeRegistrations();
    const list = await api.http().get('/v1/matches').set(bearer(orgs[2].secret)).expect(200);
    const [match] = list.body.items;
    const names = match.participants.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('nl').compare));
    for (const participant of match.participants)
      expect(Object.keys(participant).sort()).toEqual([
        'contactConfirmedAt',
        'contactConfirmedBy',
        'contactOutcome',
        'email',
        'name',
        'organisation',
        'phone',
        'professionalId',
        'standIn',
      ]);
    const signal = (await api.http().get('/v1/signals').set(bearer(orgs[0].secret)).expect(200)).body.items.find(
      (s: { involved: unknown[] }) => s.involved.length === 2,
    );
    const involved = signal.involved.map((p: { name: string }) => p.name);
    expect(involved).toEqual([...involved].sort(new Intl.Collator('nl').compare));
  });

  it('destroys a closed match with its signals after CLOSED_MATCH_RETENTION_DAYS, and a tombstone with its links two years after it ended', async () => {
    const { registrations } = await threeRegistrations();
    for (const [i, registration] of registrations.slice(0, 2).entries())
      await withdraw(orgs[i], registration, 'risk_gone');
    await waitUntilSettled(api.dataSource);
    const { id: matchId, status } = await matchOf(registrations[0].id);
    expect(status).toBe('closed');
    const retention = worker.get(MatchRetention);
    clock.current = new Date(Date.now() + 89 * 86_400_000);
    expect(await retention.run()).toMatchObject({ matchesDestroyed: 0 });
    clock.current = new Date(Date.now() + 91 * 86_400_000);
    expect(await retention.run()).toMatchObject({ matchesDestroyed: 1 });
    expect(await countRows(api.dataSource, `matches WHERE id = '${matchId}'`)).toBe(0);
    expect(await countRows(api.dataSource, `signals WHERE match_id = '${matchId}'`)).toBe(0);
    expect(await countRows(api.dataSource, `match_participants WHERE match_id = '${matchId}'`)).toBe(0);
    const [destroyed] = await api.dataSource.query(
      `SELECT municipality_code FROM audit_events WHERE action = 'match.destroyed' AND object_id = $1`,
      [matchId],
    );
    expect(destroyed.municipality_code).toBe('0983');

    // The tombstones of the two withdrawn registrations outlive the match, for two years after they ended.
    const today = todayInAmsterdam(new Date());
    clock.current = new Date(`${addDays(addMonths(today, 24), -1)}T10:00:00Z`);
    expect((await worker.get(RetentionService).run()).tombstonesDestroyed).toBe(0);
    clock.current = new Date(`${addDays(addMonths(today, 24), 1)}T10:00:00Z`);
    await retention.run();
    expect((await worker.get(RetentionService).run()).tombstonesDestroyed).toBeGreaterThanOrEqual(2);
    expect(
      await countRows(api.dataSource, `registrations WHERE id IN ('${registrations[0].id}', '${registrations[1].id}')`),
    ).toBe(0);
  });

  it('warns when a college has no follow-up officer, and delivers the missed copies when one is designated', async () => {
    await api
      .http()
      .delete(`/v1/organisations/${gemeente.id}/professionals/${officerId}`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    const warned = await api.http().get(`/v1/organisations/${gemeente.id}`).set(bearer(ADMIN_KEY)).expect(200);
    expect(warned.body.warnings).toEqual(['NO_FOLLOW_UP_OFFICER']);
    const ready = await api.http().get('/health/ready').expect(200);
    expect(ready.body.details.followUpOfficers).toEqual({ status: 'degraded', collegesWithoutOfficer: 1 });

    await threeRegistrations();
    const copies = async () =>
      (
        await api.dataSource.query(
          `SELECT recipient_professional_id FROM signals WHERE recipient_role = 'follow_up_officer'`,
        )
      ).length;
    expect(await copies()).toBe(0); // no officer, so no gemeente copy
    const fresh = await aFollowUpOfficer(api, gemeente.id);
    await waitUntilSettled(api.dataSource);
    const theirs: { kind: string; named_professional_ids: string[] }[] = await api.dataSource.query(
      `SELECT kind, named_professional_ids FROM signals WHERE recipient_professional_id = $1`,
      [fresh],
    );
    expect(theirs).toEqual([
      { kind: 'match', named_professional_ids: expect.arrayContaining(orgs.map((o) => o.professionalIds[0])) },
    ]);
    expect(
      (await api.http().get(`/v1/organisations/${gemeente.id}`).set(bearer(ADMIN_KEY)).expect(200)).body.warnings,
    ).toEqual([]);
    // Designating again (or a rerun of the job) delivers nothing twice.
    await waitUntilSettled(api.dataSource);
    expect(
      (await api.dataSource.query(`SELECT 1 FROM signals WHERE recipient_professional_id = $1`, [fresh])).length,
    ).toBe(1);
  });
});
