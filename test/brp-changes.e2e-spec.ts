import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFollowUpDesk, anOrganisation, aRegistration, TestOrganisation, theBeeselCollege } from './support/factories';
import { LocalBrpProcess, ROOT, startLocalBrp, startWorker, waitFor, WorkerProcess } from './support/processes';
import { waitUntilSettled } from './support/settle';
import { bearer, countRows, startApi, TestApi } from './support/test-api';

const API_KEY = 'local-brp-changes-key-0123456789';
const MILAN = { bsn: '999970082', birthDate: '2010-02-11' };
const SEM = { bsn: '999970100', birthDate: '2006-12-01' };
const JULIA = { bsn: '999970094', birthDate: '2013-04-25' };

interface Person {
  burgerservicenummer: string;
  gemeenteVanInschrijving?: { code: string; omschrijving: string };
  overlijden?: object;
}

/**
 * Moves and deaths from the BRP (Jw 7.1.2.3(1)(g), 7.1.4.5(2)(c); domain rules 17 and 22): the real
 * api and worker against the local BRP over HTTP, through its BRP Update API (volgindicaties,
 * wijzigingen) and, without one, by asking again. A test changes a person by writing the persons file.
 */
describe('moves and deaths from the BRP', () => {
  let brp: LocalBrpProcess;
  let api: TestApi;
  let worker: WorkerProcess;
  let personsFile: string;
  let beeselAdmin: string;
  let venloOfficer: string;
  let beeselOfficer: string;
  let school: TestOrganisation;
  let police: TestOrganisation;
  let beeselCare: TestOrganisation;
  let settings: Record<string, string>;

  const change = (bsn: string, edit: (p: Person) => Person) => {
    const file = JSON.parse(readFileSync(personsFile, 'utf8')) as { personen: Person[] };
    file.personen = file.personen.map((p) => (p.burgerservicenummer === bsn ? edit(p) : p));
    writeFileSync(personsFile, JSON.stringify(file));
  };
  const register = (org: TestOrganisation, youth: object) => aRegistration(api, org, youth);
  const inbox = async (secret: string) =>
    (await api.http().get('/v1/signals?limit=100').set(bearer(secret)).expect(200)).body.items as {
      kind: string;
      movedTo?: string;
      recipientRole: string;
      involved: unknown[];
    }[];
  const volgindicaties = async () =>
    (
      (await (await fetch(`${brp.url}/volgindicaties`, { headers: { 'x-api-key': API_KEY } })).json()) as {
        volgindicaties: { burgerservicenummer: string }[];
      }
    ).volgindicaties.map((v) => v.burgerservicenummer);

  beforeAll(async () => {
    personsFile = join(mkdtempSync(join(tmpdir(), 'brp-changes-')), 'persons.json');
    copyFileSync(join(ROOT, 'scripts/local-brp.personas.json'), personsFile);
    brp = await startLocalBrp(personsFile, { BRP_DEV_API_KEY: API_KEY });
    settings = {
      BRP_URL: brp.url,
      BRP_UPDATE_URL: brp.url,
      BRP_API_KEY: API_KEY,
      BRP_CHANGES_INTERVAL_MS: '500',
    };
    api = await startApi(settings);
    await api.reset();
    worker = await startWorker(settings);
    beeselAdmin = await theBeeselCollege();
    venloOfficer = await aFollowUpDesk(api, '0983');
    beeselOfficer = await aFollowUpDesk(api, '0889', beeselAdmin);
    school = await anOrganisation(api, { kind: 'education' });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
    beeselCare = await anOrganisation(api, { kind: 'youth_care', adminKey: beeselAdmin, municipalityCode: '0889' });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await brp?.kill();
  });

  it('follows a verified youth with a volgindicatie, and ends it after the last registration', async () => {
    const first = await register(school, JULIA);
    await waitFor('a volgindicatie for Julia', async () => (await volgindicaties()).includes(JULIA.bsn));
    const [row] = await api.dataSource.query(`SELECT bsn_sealed, municipality_code FROM followed_youths`);
    expect(row.municipality_code).toBe('0889');
    expect(row.bsn_sealed.toString('latin1')).not.toContain(JULIA.bsn);
    await api
      .http()
      .post(`/v1/registrations/${first.body.id}/withdrawal`)
      .set(bearer(school.secret))
      .send({ professionalId: school.professionalIds[0], reason: 'risk_gone' })
      .expect(200);
    await waitFor('the volgindicatie ended', async () => !(await volgindicaties()).includes(JULIA.bsn));
    await waitFor('nothing followed any more', async () => (await countRows(api.dataSource, 'followed_youths')) === 0);
  });

  it('tells every registrant of a move to another college, and that college’s follow-up officer', async () => {
    await register(school, MILAN);
    await register(police, MILAN);
    await waitUntilSettled(api.dataSource);
    await waitFor('a volgindicatie for Milan', async () => (await volgindicaties()).includes(MILAN.bsn));
    change(MILAN.bsn, (p) => ({ ...p, gemeenteVanInschrijving: { code: '0889', omschrijving: 'Beesel' } }));

    for (const org of [school, police])
      await waitFor('a move signal', async () => (await inbox(org.secret)).some((s) => s.kind === 'move'));
    for (const org of [school, police]) {
      const moves = (await inbox(org.secret)).filter((s) => s.kind === 'move');
      expect(moves).toEqual([expect.objectContaining({ movedTo: '0889', recipientRole: 'participant', involved: [] })]);
    }
    await waitFor('the Beesel officer’s copy', async () => (await inbox(beeselOfficer)).some((s) => s.kind === 'move'));
    const copy = (await inbox(beeselOfficer)).find((s) => s.kind === 'move');
    expect(copy).toMatchObject({ movedTo: '0889', recipientRole: 'follow_up_officer' });
    expect(copy?.involved).toHaveLength(2);
    expect((await inbox(venloOfficer)).filter((s) => s.kind === 'move')).toEqual([]);
    const [audited] = await api.dataSource.query(`SELECT details FROM audit_events WHERE action = 'youth.moved'`);
    expect(audited.details).toMatchObject({ from: '0983', to: '0889', withinRegion: true, source: 'brp' });
    expect(JSON.stringify(audited.details)).not.toContain(MILAN.bsn);

    // Polled again (the same day's changes come again): no second signal.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await inbox(school.secret)).filter((s) => s.kind === 'move')).toHaveLength(1);
  });

  it('tells the registrants of a move out of the region, without a copy to any college', async () => {
    await register(beeselCare, SEM);
    await waitFor('a volgindicatie for Sem', async () => (await volgindicaties()).includes(SEM.bsn));
    change(SEM.bsn, (p) => ({ ...p, gemeenteVanInschrijving: { code: '0363', omschrijving: 'Amsterdam' } }));
    await waitFor('a move signal', async () => (await inbox(beeselCare.secret)).some((s) => s.kind === 'move'));
    expect((await inbox(beeselCare.secret)).find((s) => s.kind === 'move')).toMatchObject({ movedTo: '0363' });
    await waitFor('the move audited', async () => {
      const rows = await api.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'youth.moved' AND details->>'to' = '0363'`,
      );
      return rows.length === 1 && rows[0].details.withinRegion === false;
    });
    const copies = [...(await inbox(venloOfficer)), ...(await inbox(beeselOfficer))].filter(
      (s) => s.kind === 'move' && s.movedTo === '0363',
    );
    expect(copies).toEqual([]);
  });

  it('removes everything of a youth the BRP registers as deceased, in every college, with the BRP as source', async () => {
    const youth = { bsn: '999970136', birthDate: '2009-10-05' }; // Mila
    const venlo = await register(school, youth);
    const beesel = await register(beeselCare, youth);
    await waitUntilSettled(api.dataSource);
    await waitFor('a volgindicatie for Mila', async () => (await volgindicaties()).includes(youth.bsn));
    change(youth.bsn, (p) => ({
      ...p,
      overlijden: { datum: { type: 'Datum', datum: '2026-12-01', langFormaat: '1 december 2026' } },
    }));

    await waitFor('both registrations removed', async () => {
      const rows: { status: string }[] = await api.dataSource.query(
        `SELECT status FROM registrations WHERE id = ANY($1::uuid[])`,
        [[venlo.body.id, beesel.body.id]],
      );
      return rows.every((r) => r.status === 'removed');
    });
    const rows = await api.dataSource.query(
      `SELECT removal_reason, youth_key FROM registrations WHERE id = ANY($1::uuid[])`,
      [[venlo.body.id, beesel.body.id]],
    );
    expect(rows).toEqual([
      { removal_reason: 'deceased', youth_key: null },
      { removal_reason: 'deceased', youth_key: null },
    ]);
    const audited: { municipality_code: string; details: { source: string } }[] = await api.dataSource.query(
      `SELECT municipality_code, details FROM audit_events WHERE action = 'death.recorded' ORDER BY municipality_code`,
    );
    expect(audited.map((a) => [a.municipality_code, a.details.source])).toEqual([
      ['0889', 'brp'],
      ['0983', 'brp'],
    ]);
    await waitFor('Mila no longer followed', async () => !(await volgindicaties()).includes(youth.bsn));
  });

  it('finds a move without an Update API by asking the BRP again', async () => {
    await worker.kill();
    worker = await startWorker({ ...settings, BRP_UPDATE_URL: '', BRP_REQUERY_BATCH: '50' });
    const youth = { bsn: '999970148', birthDate: '2007-05-09' }; // Jesse, without a known address
    await register(police, youth);
    await waitFor('followed', async () => {
      const found = await api.dataSource.query(`SELECT 1 FROM followed_youths WHERE municipality_code = '0983'`);
      return found.length > 0;
    });
    change(youth.bsn, (p) => ({ ...p, gemeenteVanInschrijving: { code: '0889', omschrijving: 'Beesel' } }));
    await waitFor('a move signal', async () =>
      (await inbox(police.secret)).some((s) => s.kind === 'move' && s.movedTo === '0889'),
    );
  });
});
