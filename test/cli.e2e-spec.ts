import { cli, waitFor } from './support/processes';
import { bearer, countRows, startApi, TestApi } from './support/test-api';

describe('operator CLI and demo data', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset({ bootstrap: false }));

  it('applies migrations idempotently', async () => {
    const result = await cli('migrate');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('Database schema is up to date.');
  });

  it('creates an administrator, lists organisations and revokes a credential', async () => {
    const created = await cli('admin', 'create', 'tweede beheerder');
    expect(created.code).toBe(0);
    const secret = /Secret \(shown once\): (\S+)/.exec(created.stdout)?.[1] as string;
    const id = /Administrator credential (\S+)/.exec(created.stdout)?.[1] as string;
    await api.http().get('/v1/organisations').set(bearer(secret)).expect(200);

    const listed = await cli('organisations', 'list');
    expect(listed.stdout).toMatch(/0983\s+connected\s+municipality\s+1 credential\(s\)\s+Gemeente Venlo/);

    expect((await cli('credentials', 'revoke', id)).stdout).toContain('revoked');
    // Another process revoked it: the api learns of it through PostgreSQL's NOTIFY within milliseconds.
    await waitFor(
      'the api to refuse the revoked credential',
      async () => (await api.http().get('/v1/organisations').set(bearer(secret))).status === 401,
      2000,
    );
    expect((await cli('credentials', 'revoke', '00000000-0000-4000-8000-000000000000')).code).toBe(1);
    expect((await cli('credentials', 'revoke', 'nope')).code).toBe(2);
    const [audit] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE object_id = $1`, [
      id,
    ]);
    expect(audit.n).toBe(2); // issued and revoked
  });

  it('explains its usage for an unknown command', async () => {
    const result = await cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run cli');
  });

  it('loads the demo region (the Venlo covenant partners and Beesel) once, however often it runs', async () => {
    const first = await cli('seed-demo');
    expect(first.code).toBe(0);
    const organisations = await countRows(api.dataSource, 'organisations');
    const professionals = await countRows(api.dataSource, 'professionals');
    const credentials = await countRows(api.dataSource, 'credentials');
    const second = await cli('seed-demo');
    expect(second.stdout).toEqual(first.stdout);
    expect(await countRows(api.dataSource, 'organisations')).toBe(organisations);
    expect(await countRows(api.dataSource, 'professionals')).toBe(professionals);
    expect(await countRows(api.dataSource, 'credentials')).toBe(credentials);

    const kinds: { kind: string; n: number }[] = await api.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM organisations GROUP BY kind ORDER BY kind`,
    );
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      education: 13,
      health_care: 1,
      municipality: 2,
      police_and_justice: 2,
      social_support: 1,
      youth_care: 1,
      youth_health_care: 1,
    });
    // Every connected organisation has a coordinator (the covenant requires a contactpersoon) and a professional.
    const [withoutCoordinator] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM professionals p WHERE p.organisation_id = o.id AND p.role = 'coordinator')`,
    );
    expect(withoutCoordinator.n).toBe(0);
    const [officer] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM professionals WHERE role = 'follow_up_officer'`,
    );
    expect(officer.n).toBe(2); // one per college
    const colleges: { municipality_code: string; n: number }[] = await api.dataSource.query(
      `SELECT municipality_code, count(*)::int AS n FROM organisations GROUP BY 1 ORDER BY 1`,
    );
    expect(colleges).toEqual([
      { municipality_code: '0889', n: 3 },
      { municipality_code: '0983', n: 18 },
    ]);
    expect(first.stdout).toContain('Spring Kinderopvang: kinderopvang is not a designated category');

    // The printed demo credential works and sees only its own organisation.
    const ggd = /GGD Limburg-Noord\s+Bearer (\S+)/.exec(first.stdout)?.[1] as string;
    const mine = await api.http().get('/v1/organisations').set(bearer(ggd)).expect(200);
    expect(mine.body.items.map((o: { name: string }) => o.name)).toEqual(['GGD Limburg-Noord']);
  });
});
