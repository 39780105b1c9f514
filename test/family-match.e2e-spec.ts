import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFollowUpDesk, anOrganisation, aRegistration, TestOrganisation, theBeeselCollege } from './support/factories';
import { LocalBrpProcess, ROOT, startLocalBrp, startWorker, WorkerProcess } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';

const API_KEY = 'local-brp-family-key-0123456789';
// Of the demo persons: Lotte and Daan have the same mother and father; Noah has the same mother.
const LOTTE = { bsn: '999993653', birthDate: '2012-03-04' };
const DAAN = { bsn: '999970045', birthDate: '2015-11-20' };
const NOAH = { bsn: '999970057', birthDate: '2009-06-30' };
const PARENTS = ['999970008', '999970021'];

interface Signal {
  id: string;
  kind: string;
  matchId: string | null;
  matchKind: string | null;
  recipientProfessionalId: string;
  recipientRole: string;
  involved: { name: string; organisation: string }[];
}

/**
 * The family match (Jw 7.1.2.3(1)(e); domain rule 10): the real api and worker against the local
 * BRP over HTTP. Youths with registrations who share a BRP-registered parent are matched across
 * organisations and colleges; their registrants hear only that another youth of the family is
 * concerned, exactly once under races and replays; parents are kept only as keyed hashes.
 */
describe('the family match', () => {
  let brp: LocalBrpProcess;
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let beeselAdmin: string;
  let venloOfficer: string;
  let beeselOfficer: string;
  let school: TestOrganisation;
  let beeselCare: TestOrganisation;
  let police: TestOrganisation;

  const register = (org: TestOrganisation, youth: object, professional = 0) =>
    aRegistration(api, org, youth, professional);
  const inbox = async (secret: string): Promise<Signal[]> =>
    (await api.http().get('/v1/signals?limit=100').set(bearer(secret)).expect(200)).body.items;
  const participantSignals = async (org: TestOrganisation) =>
    (await inbox(org.secret)).filter((s) => s.recipientRole === 'participant');

  beforeAll(async () => {
    const personsFile = join(mkdtempSync(join(tmpdir(), 'brp-family-')), 'persons.json');
    copyFileSync(join(ROOT, 'scripts/local-brp.personas.json'), personsFile);
    brp = await startLocalBrp(personsFile, { BRP_DEV_API_KEY: API_KEY });
    smtp = await startSmtpSink();
    const settings = { BRP_URL: brp.url, BRP_API_KEY: API_KEY, SMTP_URL: smtp.url };
    api = await startApi(settings);
    worker = await startWorker(settings);
  });
  beforeEach(async () => {
    await waitUntilSettled(api.dataSource);
    await api.reset();
    smtp.mails.splice(0);
    beeselAdmin = await theBeeselCollege();
    venloOfficer = await aFollowUpDesk(api, '0983');
    beeselOfficer = await aFollowUpDesk(api, '0889', beeselAdmin);
    school = await anOrganisation(api, { kind: 'education', professionals: 2 });
    beeselCare = await anOrganisation(api, { kind: 'youth_care', adminKey: beeselAdmin, municipalityCode: '0889' });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await smtp?.close();
    await brp?.kill();
  });

  it('matches siblings across two organisations and two colleges, telling only that another youth of the family is concerned', async () => {
    await register(school, LOTTE);
    await register(beeselCare, DAAN);
    await waitUntilSettled(api.dataSource);

    const matches = await api.dataSource.query(`SELECT id, kind FROM matches`);
    expect(matches).toEqual([{ id: expect.any(String), kind: 'family' }]);
    for (const [org, other] of [
      [school, beeselCare],
      [beeselCare, school],
    ] as const) {
      const [signal] = await participantSignals(org);
      expect(signal).toMatchObject({
        kind: 'match',
        matchKind: 'family',
        concernsAnotherYouth: true,
        matchId: matches[0].id,
      });
      expect(signal.involved.map((p) => p.organisation)).toEqual([other.name]);
      const body = JSON.stringify(signal);
      for (const forbidden of [
        LOTTE.bsn,
        DAAN.bsn,
        ...PARENTS,
        LOTTE.birthDate,
        DAAN.birthDate,
        'Lotte',
        'Daan',
        'Peeters',
      ])
        expect(body).not.toContain(forbidden);
    }
    // Both colleges' follow-up officers get a copy; each sees only its own.
    for (const officer of [venloOfficer, beeselOfficer]) {
      const copies = (await inbox(officer)).filter((s) => s.recipientRole === 'follow_up_officer');
      expect(copies.map((s) => s.matchKind)).toEqual(['family']);
    }
    const view = await api.http().get(`/v1/matches/${matches[0].id}`).set(bearer(school.secret)).expect(200);
    expect(view.body.kind).toBe('family');

    // The e-mail says it is about a youth of the same family, and nothing else.
    const mails = smtp.mails.filter((m) => m.subject.includes('hetzelfde gezin'));
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails) {
      expect(mail.subject).toBe('Nieuw signaal in de verwijsindex (een jongere uit hetzelfde gezin)');
      for (const forbidden of [LOTTE.bsn, DAAN.bsn, ...PARENTS, 'Lotte', 'Daan'])
        expect(mail.text).not.toContain(forbidden);
    }

    // Parents only as keyed hashes.
    const parents: { parent_key: Buffer }[] = await api.dataSource.query(`SELECT parent_key FROM registration_parents`);
    expect(parents).toHaveLength(4);
    for (const row of parents) {
      expect(row.parent_key).toHaveLength(32);
      for (const bsn of PARENTS) expect(row.parent_key.toString('latin1')).not.toContain(bsn);
    }
  });

  it('adds a half-brother and a second registrant of one youth: each told only of the other youths', async () => {
    await register(school, LOTTE);
    await register(beeselCare, DAAN);
    await waitUntilSettled(api.dataSource);
    await register(police, NOAH);
    await waitUntilSettled(api.dataSource);
    const noahs = await participantSignals(police);
    expect(noahs.every((s) => s.matchKind === 'family')).toBe(true);
    expect(noahs.flatMap((s) => s.involved.map((p) => p.organisation)).sort()).toEqual(
      [school.name, beeselCare.name].sort(),
    );

    // A colleague of the school registers Lotte too: a same-youth match with the first, and a family
    // signal naming only the registrants of Daan and Noah.
    await register(school, LOTTE, 1);
    await waitUntilSettled(api.dataSource);
    const second = (await participantSignals(school)).filter(
      (s) => s.recipientProfessionalId === school.professionalIds[1],
    );
    const sameYouth = second.filter((s) => s.matchKind === 'same_youth');
    const family = second.filter((s) => s.matchKind === 'family');
    expect(sameYouth.flatMap((s) => s.involved.map((p) => p.organisation))).toEqual([school.name]);
    expect(family.flatMap((s) => s.involved.map((p) => p.organisation)).sort()).toEqual(
      [beeselCare.name, police.name].sort(),
    );
  });

  it('matches exactly once when siblings are registered at the same moment, and again on a replay', async () => {
    const counts = async () =>
      (
        await api.dataSource.query(
          `SELECT (SELECT count(*) FROM matches)::int AS matches, (SELECT count(*) FROM signals)::int AS signals,
                  (SELECT count(*) FROM (SELECT 1 FROM signals GROUP BY trigger_registration_id, recipient_professional_id, kind, match_id
                                         HAVING count(*) > 1) d)::int AS duplicates`,
        )
      )[0];
    const made = await Promise.all([register(school, LOTTE), register(beeselCare, DAAN), register(police, NOAH)]);
    await waitUntilSettled(api.dataSource);
    const first = await counts();
    expect(first.duplicates).toBe(0);
    // Every registrant hears of the two others' registrants, once.
    for (const org of [school, beeselCare, police]) {
      const named = (await participantSignals(org)).flatMap((s) => s.involved.map((p) => p.organisation));
      expect(new Set(named).size).toBe(2);
      expect(named).toHaveLength(2);
    }

    // The same events again (a relay retry, a lost Redis): nothing new.
    for (const { body } of made)
      await api.dataSource.query(`UPDATE registrations SET match_checked_at = NULL WHERE id = $1`, [body.id]);
    await api.dataSource.query(
      `INSERT INTO outbox (topic, payload) SELECT 'registration.created', jsonb_build_object('registrationId', id) FROM unnest($1::uuid[]) AS id`,
      [made.map((m) => m.body.id)],
    );
    await waitUntilSettled(api.dataSource);
    expect(await counts()).toEqual(first);
  });

  it('closes the family match when registrations of only one youth are left', async () => {
    const lotte = await register(school, LOTTE);
    const daan = await register(beeselCare, DAAN);
    await waitUntilSettled(api.dataSource);
    await api
      .http()
      .post(`/v1/registrations/${daan.body.id}/withdrawal`)
      .set(bearer(beeselCare.secret))
      .send({ professionalId: beeselCare.professionalIds[0], reason: 'risk_gone' })
      .expect(200);
    await waitUntilSettled(api.dataSource);
    expect(await api.dataSource.query(`SELECT status FROM matches`)).toEqual([{ status: 'closed' }]);
    expect(
      await api.dataSource.query(`SELECT 1 FROM registration_parents WHERE registration_id = $1`, [daan.body.id]),
    ).toEqual([]);
    expect(
      await api.dataSource.query(`SELECT 1 FROM registration_parents WHERE registration_id = $1`, [lotte.body.id]),
    ).toHaveLength(2);
  });
});
