import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFollowUpDesk, anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { LocalBrpProcess, ROOT, startLocalBrp, startWorker, waitFor, WorkerProcess } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';

const API_KEY = 'local-brp-address-key-0123456789';
// Of the demo persons: Yasmin El Amrani and Bram Maessen live at Kerkstraat 7 (no parent in common);
// Levi Coenen and Mila Gerrits at Hogeweg 3, a care institution; Lotte and Daan are sisters at Parade 12.
const YASMIN = { bsn: '999970070', birthDate: '2011-08-08' };
const BRAM = { bsn: '999970197', birthDate: '2008-02-02' };
const LEVI = { bsn: '999970124', birthDate: '2008-03-15' };
const MILA = { bsn: '999970136', birthDate: '2009-10-05' };
const LOTTE = { bsn: '999993653', birthDate: '2012-03-04' };
const DAAN = { bsn: '999970045', birthDate: '2015-11-20' };
const KERKSTRAAT_7 = '0983010000100005';

interface Signal {
  kind: string;
  matchId: string | null;
  matchKind: string | null;
  concernsAnotherYouth: boolean;
  recipientRole: string;
  involved: { organisation: string }[];
}
type Person = Record<string, unknown> & { burgerservicenummer: string };

/**
 * The address match (Jw 7.1.2.3(1)(d); domain rule 11): the real api and worker against the local
 * BRP over HTTP. Off by default, switched on per college; never on an address of the register of
 * excluded addresses the administrator keeps; addresses kept only as keyed hashes.
 */
describe('the address match', () => {
  let brp: LocalBrpProcess;
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let personsFile: string;
  let venloOfficer: string;
  let venlo: string;
  let school: TestOrganisation;
  let police: TestOrganisation;

  const admin = bearer(ADMIN_KEY);
  const inbox = async (secret: string): Promise<Signal[]> =>
    (await api.http().get('/v1/signals?limit=100').set(bearer(secret)).expect(200)).body.items;
  const participantSignals = async (org: TestOrganisation) =>
    (await inbox(org.secret)).filter((s) => s.recipientRole === 'participant');
  const switchAddressMatch = (on: boolean) =>
    api.http().patch(`/v1/organisations/${venlo}`).set(admin).send({ addressMatch: on }).expect(200);
  const exclude = (entry: object) =>
    api
      .http()
      .post('/v1/address-exclusions')
      .set(admin)
      .send({ reason: 'Zorginstelling (Wet BRP 2.40)', ...entry });
  const matchKinds = async () =>
    (await api.dataSource.query<{ kind: string }[]>(`SELECT kind FROM matches ORDER BY kind`)).map((m) => m.kind);
  const change = (bsn: string, edit: (p: Person) => Person) => {
    const file = JSON.parse(readFileSync(personsFile, 'utf8')) as { personen: Person[] };
    file.personen = file.personen.map((p) => (p.burgerservicenummer === bsn ? edit(p) : p));
    writeFileSync(personsFile, JSON.stringify(file));
  };

  beforeAll(async () => {
    personsFile = join(mkdtempSync(join(tmpdir(), 'brp-address-')), 'persons.json');
    copyFileSync(join(ROOT, 'scripts/local-brp.personas.json'), personsFile);
    brp = await startLocalBrp(personsFile, { BRP_DEV_API_KEY: API_KEY });
    smtp = await startSmtpSink();
    const settings = {
      BRP_URL: brp.url,
      BRP_API_KEY: API_KEY,
      BRP_UPDATE_URL: brp.url,
      BRP_CHANGES_INTERVAL_MS: '500',
      SMTP_URL: smtp.url,
    };
    api = await startApi(settings);
    worker = await startWorker(settings);
  });
  beforeEach(async () => {
    await waitUntilSettled(api.dataSource);
    await api.reset();
    copyFileSync(join(ROOT, 'scripts/local-brp.personas.json'), personsFile);
    smtp.mails.splice(0);
    venloOfficer = await aFollowUpDesk(api, '0983');
    [{ id: venlo }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    school = await anOrganisation(api, { kind: 'education' });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await smtp?.close();
    await brp?.kill();
  });

  it('is off by default: youths at one address are not matched, and the address is kept only as keyed hashes', async () => {
    const college = await api.http().get(`/v1/organisations/${venlo}`).set(admin).expect(200);
    expect(college.body.addressMatch).toBe(false);
    await aRegistration(api, school, YASMIN);
    await aRegistration(api, police, BRAM);
    await waitUntilSettled(api.dataSource);

    expect(await matchKinds()).toEqual([]);
    expect(await participantSignals(school)).toEqual([]);
    const stored: { address_key: Buffer; place_key: Buffer; municipality_code: string }[] = await api.dataSource.query(
      `SELECT address_key, place_key, municipality_code FROM registration_addresses`,
    );
    expect(stored).toHaveLength(2);
    expect(stored[0].address_key.equals(stored[1].address_key)).toBe(true);
    for (const row of stored) {
      expect(row.address_key).toHaveLength(32);
      expect(row.place_key).toHaveLength(32);
      expect(row.municipality_code).toBe('0983');
      for (const plain of [KERKSTRAAT_7, '5931NM', '5931 NM'])
        expect(Buffer.concat([row.address_key, row.place_key]).toString('latin1')).not.toContain(plain);
    }
  });

  it('switched on, matches youths of different families at one address, telling only that another youth there is concerned', async () => {
    await switchAddressMatch(true);
    await aRegistration(api, school, YASMIN);
    await aRegistration(api, police, BRAM);
    await waitUntilSettled(api.dataSource);

    const matches: { id: string; kind: string }[] = await api.dataSource.query(`SELECT id, kind FROM matches`);
    expect(matches).toEqual([{ id: expect.any(String), kind: 'address' }]);
    for (const [org, other] of [
      [school, police],
      [police, school],
    ] as const) {
      const signals = await participantSignals(org);
      expect(signals).toEqual([
        expect.objectContaining({
          kind: 'match',
          matchKind: 'address',
          concernsAnotherYouth: true,
          matchId: matches[0].id,
        }),
      ]);
      expect(signals[0].involved.map((p) => p.organisation)).toEqual([other.name]);
      const body = JSON.stringify(signals[0]);
      for (const forbidden of [YASMIN.bsn, BRAM.bsn, KERKSTRAAT_7, 'Kerkstraat', '5931', 'Yasmin', 'Bram', 'Maessen'])
        expect(body).not.toContain(forbidden);
    }
    const copies = (await inbox(venloOfficer)).filter((s) => s.recipientRole === 'follow_up_officer');
    expect(copies.map((s) => s.matchKind)).toEqual(['address']);
    const view = await api.http().get(`/v1/matches/${matches[0].id}`).set(bearer(school.secret)).expect(200);
    expect(view.body.kind).toBe('address');

    await waitFor('the signal e-mails', () => smtp.mails.some((m) => m.subject.includes('hetzelfde adres')));
    for (const mail of smtp.mails.filter((m) => m.subject.includes('hetzelfde adres'))) {
      expect(mail.subject).toBe('Nieuw signaal in de verwijsindex (een jongere op hetzelfde adres)');
      for (const forbidden of [YASMIN.bsn, BRAM.bsn, KERKSTRAAT_7, 'Kerkstraat', 'Yasmin', 'Bram'])
        expect(mail.text).not.toContain(forbidden);
    }

    // Withdrawing one leaves a single youth at the address: the match closes.
    const [registration] = await api.dataSource.query(
      `SELECT id, professional_id FROM registrations WHERE organisation_id = $1`,
      [police.id],
    );
    await api
      .http()
      .post(`/v1/registrations/${registration.id}/withdrawal`)
      .set(bearer(police.secret))
      .send({ reason: 'risk_gone', professionalId: registration.professional_id })
      .expect(200);
    await waitFor('the address match closed', async () => {
      const [m] = await api.dataSource.query(`SELECT status FROM matches WHERE id = $1`, [matches[0].id]);
      return m.status === 'closed';
    });
  });

  it('closes an open address match once its address is excluded, and keeps it when the match is switched off', async () => {
    await switchAddressMatch(true);
    await aRegistration(api, school, YASMIN);
    await aRegistration(api, police, BRAM);
    await aRegistration(api, school, LEVI);
    await aRegistration(api, police, MILA);
    await waitUntilSettled(api.dataSource);
    const open = async () =>
      api.dataSource.query<{ id: string }[]>(`SELECT id FROM matches WHERE kind = 'address' AND status <> 'closed'`);
    expect(await open()).toHaveLength(2);

    // Switched off: no new address match, the open ones run their course.
    await switchAddressMatch(false);
    await exclude({ postcode: '5914 SK', houseNumber: 3 }).expect(201);
    await waitFor('the Hogeweg match closed', async () => (await open()).length === 1);
    const closed = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'match.closed' AND details->>'reason' = 'address_no_longer_shared'`,
    );
    expect(closed).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await open()).toHaveLength(1);
  });

  it('tells siblings at their address once, by their family match', async () => {
    await switchAddressMatch(true);
    await aRegistration(api, school, LOTTE);
    await aRegistration(api, police, DAAN);
    await waitUntilSettled(api.dataSource);
    expect(await matchKinds()).toEqual(['family']);
    expect((await participantSignals(school)).map((s) => s.matchKind)).toEqual(['family']);
  });

  it('never matches on an address of the register, whether excluded before or after the first registration', async () => {
    await switchAddressMatch(true);
    const byPlace = await exclude({ postcode: '5914 sk', houseNumber: 3 }).expect(201);
    expect(byPlace.body).toMatchObject({
      bagId: null,
      postcode: '5914 SK',
      houseNumber: 3,
      reason: 'Zorginstelling (Wet BRP 2.40)',
      addedBy: { credentialId: expect.any(String) },
    });
    await aRegistration(api, school, LEVI);
    await aRegistration(api, police, MILA);
    await waitUntilSettled(api.dataSource);
    expect(await matchKinds()).toEqual([]);

    await aRegistration(api, school, YASMIN);
    await waitUntilSettled(api.dataSource);
    await exclude({ bagId: KERKSTRAAT_7 }).expect(201);
    await aRegistration(api, police, BRAM);
    await waitUntilSettled(api.dataSource);
    expect(await matchKinds()).toEqual([]);
    expect(await participantSignals(police)).toEqual([]);
    const flags = await api.dataSource.query(`SELECT count(*)::int AS n FROM registration_addresses WHERE excluded`);
    expect(flags).toEqual([{ n: 4 }]);

    // Taken off the register, Kerkstraat 7 takes part again: the next registration there is matched.
    await api.http().delete(`/v1/address-exclusions/${byPlace.body.id}`).set(admin).expect(204);
    const list = await api.http().get('/v1/address-exclusions').set(admin).expect(200);
    const [kerkstraat] = list.body.items;
    expect(list.body.items).toHaveLength(1);
    await api.http().delete(`/v1/address-exclusions/${kerkstraat.id}`).set(admin).expect(204);
    await aRegistration(api, school, BRAM);
    await waitUntilSettled(api.dataSource);
    expect(await matchKinds()).toEqual(['address', 'same_youth']);
    const audited = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE action LIKE 'address-exclusion.%' ORDER BY action`,
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'address-exclusion.added',
      'address-exclusion.added',
      'address-exclusion.removed',
      'address-exclusion.removed',
    ]);
  });

  it('follows a youth who moves within the municipality to an address with another registered youth', async () => {
    await switchAddressMatch(true);
    await aRegistration(api, school, YASMIN);
    await aRegistration(api, police, LEVI);
    await waitUntilSettled(api.dataSource);
    expect(await matchKinds()).toEqual([]);
    const kerkstraat = JSON.parse(readFileSync(personsFile, 'utf8')).personen.find(
      (p: Person) => p.burgerservicenummer === YASMIN.bsn,
    ).verblijfplaats;
    await waitFor('Levi followed', async () => {
      const rows = await api.dataSource.query(`SELECT 1 FROM followed_youths WHERE followed_at IS NOT NULL`);
      return rows.length === 2;
    });
    change(LEVI.bsn, (p) => ({ ...p, verblijfplaats: kerkstraat }));
    await waitFor('the address match at the new address', async () => (await matchKinds()).includes('address'));
    const signals = await participantSignals(school);
    expect(signals.map((s) => [s.kind, s.matchKind])).toEqual([['match', 'address']]);
  });

  it('keeps the register per college: checked input, no doubles, CSV import, only for a gemeente', async () => {
    for (const [body, field] of [
      [{}, 'bagId'],
      [{ bagId: KERKSTRAAT_7, postcode: '5931 NM', houseNumber: 7 }, 'bagId'],
      [{ postcode: '5931 NM' }, 'houseNumber'],
      [{ postcode: 'X931 NM', houseNumber: 7 }, 'postcode'],
      [{ bagId: '123' }, 'bagId'],
      [{ bagId: KERKSTRAAT_7, reason: ' ' }, 'reason'],
    ] as const) {
      const refused = await exclude(body).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await exclude({ bagId: KERKSTRAAT_7 }).expect(201);
    const double = await exclude({ bagId: KERKSTRAAT_7 }).expect(409);
    expect(double.body).toMatchObject({ code: 'ADDRESS_ALREADY_EXCLUDED', errors: [{ field: 'bagId' }] });
    await api.http().delete('/v1/address-exclusions/not-a-uuid').set(admin).expect(404);
    await api.http().get('/v1/address-exclusions').set(bearer(school.secret)).expect(403);
    await api.http().patch(`/v1/organisations/${school.id}`).set(admin).send({ addressMatch: true }).expect(422);

    const csv = [
      'postcode;huisnummer;bag_id;reden',
      '5914 SK;3;;Zorginstelling',
      ';;0983010000100005;Al opgenomen',
      '5914 SK;3;;Dubbel',
      '5914;3;;Fout',
      ';;0983010000100009;',
    ].join('\n');
    const dry = await api
      .http()
      .post('/v1/address-exclusion-imports')
      .set(admin)
      .send({ csv, dryRun: true })
      .expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 5, imported: 0, alreadyExcluded: 1, refused: 3 });
    expect(dry.body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'already_excluded',
      'refused',
      'refused',
      'refused',
    ]);
    expect((await api.http().get('/v1/address-exclusions').set(admin).expect(200)).body.items).toHaveLength(1);
    const done = await api.http().post('/v1/address-exclusion-imports').set(admin).send({ csv }).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, imported: 1, refused: 3 });
    const items = (await api.http().get('/v1/address-exclusions').set(admin).expect(200)).body.items;
    expect(items.map((i: { postcode: string | null; bagId: string | null }) => i.postcode ?? i.bagId)).toEqual([
      '5914 SK',
      KERKSTRAAT_7,
    ]);
    const unreadable = await api
      .http()
      .post('/v1/address-exclusion-imports')
      .set(admin)
      .send({ csv: 'postcode;huisnummer\n5914 SK;3' })
      .expect(400);
    expect(unreadable.body).toMatchObject({ code: 'CSV_COLUMNS_MISSING', errors: [{ field: 'csv' }] });
  });
});
