import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { cliWithEnv } from './support/processes';
import { bearer, startApi, TestApi } from './support/test-api';
import { PSEUDONYM_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

const NEW_KEY = 'rotated-pseudonym-key-0123456789abcdef0123456789';
const ROTATED = {
  VIR_PSEUDONYM_KEY: NEW_KEY,
  VIR_PSEUDONYM_KEY_VERSION: '2',
  VIR_PSEUDONYM_PREVIOUS_KEYS: `1:${PSEUDONYM_KEY}`,
};

/** Rotating VIR_PSEUDONYM_KEY without ever storing a BSN: rows move to the new version when the youth is presented again. */
describe('pseudonym key rotation', () => {
  let before: TestApi;
  let during: TestApi;
  let a: TestOrganisation;
  let b: TestOrganisation;

  beforeAll(async () => {
    before = await startApi();
    await before.reset();
    a = await anOrganisation(before, { scopes: ['registrations'] });
    b = await anOrganisation(before, { scopes: ['registrations'] });
    during = await startApi(ROTATED);
  });
  afterAll(async () => {
    await during?.close();
    await before?.close();
  });

  it('re-keys a youth presented again, so the match still happens; others stay until they expire', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(11) };
    const untouched = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    const old = (await aRegistration(before, a, youth)).body;
    const archived = (await aRegistration(before, b, youth)).body;
    await before
      .http()
      .post(`/v1/registrations/${archived.id}/withdrawal`)
      .set(bearer(b.secret))
      .send({ reason: 'risk_gone', professionalId: archived.professionalId })
      .expect(200);
    await aRegistration(before, a, untouched);

    const fresh = (await aRegistration(during, b, youth)).body;
    const rows = await during.dataSource.query(
      `SELECT id, key_version, encode(youth_key, 'hex') AS k FROM registrations WHERE id = ANY($1)`,
      [[old.id, fresh.id]],
    );
    expect(rows.map((r: { key_version: number }) => r.key_version)).toEqual([2, 2]);
    expect(new Set(rows.map((r: { k: string }) => r.k)).size).toBe(1);
    const [entry] = await during.dataSource.query(
      `SELECT key_version, encode(youth_key, 'hex') AS k FROM archive_entries`,
    );
    expect(entry).toEqual({ key_version: 2, k: rows[0].k });

    // The same professional again is still recognised after re-keying.
    const again = await during
      .http()
      .post('/v1/registrations')
      .set(bearer(a.secret))
      .send({ professionalId: a.professionalIds[0], youth })
      .expect(200);
    expect(again.body.id).toBe(old.id);

    const report = await cliWithEnv(ROTATED, 'keys', 'report');
    expect(report.stdout).toContain('active registrations   version 1: 1');
    expect(report.stdout).toContain('active registrations   version 2: 2');
    expect(report.stdout).toContain('1 rows still on an earlier version');
  });
});
