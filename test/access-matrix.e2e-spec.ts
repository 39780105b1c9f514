import { CredentialService } from '../libs/organisations/src/credential.service';
import { anOrganisation, TestOrganisation } from './support/factories';
import { startSmtpSink } from './support/receivers';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';

type Who = 'none' | 'admin' | 'registrations' | 'signals' | 'follow-up' | 'contact-details' | 'otherAdmin';

interface Fixture {
  own: TestOrganisation; // the organisation addressed
  other: TestOrganisation; // another organisation of the same college
  secrets: Record<Exclude<Who, 'none'>, string>;
  credentialId: string;
}

/**
 * Every administration endpoint × every kind of credential. A credential of the addressed
 * organisation carries exactly one scope; "other" is a credential of another organisation,
 * which must get exactly what an unknown id gets (404), so nothing can be probed.
 */
describe('access matrix of the administration and identity API', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let f: Fixture;

  beforeAll(async () => {
    // Invitations are mailed: a real mail server takes them.
    smtp = await startSmtpSink();
    // Every endpoint is also called without a credential: more failed logins from one address than the throttle allows.
    api = await startApi({ SMTP_URL: smtp.url, AUTH_FAILURES_PER_MINUTE: '1000' });
    await api.reset();
    const own = await anOrganisation(api, { kind: 'municipality', scopes: ['signals'], professionals: 2 });
    const other = await anOrganisation(api, {
      kind: 'education',
      scopes: ['registrations', 'signals', 'contact-details'],
    });
    const issue = async (scopes: string[]) =>
      (
        await api
          .http()
          .post(`/v1/organisations/${own.id}/credentials`)
          .set(bearer(ADMIN_KEY))
          .send({ scopes })
          .expect(201)
      ).body;
    const admin = await issue(['admin']);
    const secrets = {
      admin: admin.secret as string,
      registrations: (await issue(['registrations'])).secret as string,
      signals: (await issue(['signals'])).secret as string,
      'follow-up': (await issue(['follow-up'])).secret as string,
      'contact-details': (await issue(['contact-details'])).secret as string,
      otherAdmin: '',
    };
    // An administrator of another college (Roermond, 0957).
    await api.dataSource.query(
      `INSERT INTO organisations (name, kind, municipality_code, agreement_reference) VALUES ('Gemeente Roermond', 'municipality', '0957', 'eigen')`,
    );
    const [roermond] = await api.dataSource.query(`SELECT * FROM organisations WHERE municipality_code = '0957'`);
    await api.dataSource.transaction(async (manager) => {
      const issued = await api.app
        .get(CredentialService)
        .issue(manager, roermond, ['admin'], {}, { secret: 'roermond-admin-secret-0123456789' });
      secrets.otherAdmin = issued!.secret;
    });
    f = { own, other, secrets, credentialId: admin.id };
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const person = { name: 'B. Jansen', email: 'b.jansen@example.nl', phone: '+31 77 765 4321', role: 'professional' };

  // [method, path, body, expected status per caller]; {own}/{other}/{pro}/{cred} are filled in.
  const endpoints: [string, string, unknown, Partial<Record<Who, number>>][] = [
    [
      'post',
      '/v1/organisations',
      { name: 'Nieuw', kind: 'education', municipalityCode: '0983', agreementReference: 'X' },
      { admin: 201, otherAdmin: 422 },
    ],
    [
      'get',
      '/v1/organisations',
      undefined,
      { admin: 200, registrations: 200, signals: 200, 'follow-up': 200, 'contact-details': 200, otherAdmin: 200 },
    ],
    [
      'get',
      '/v1/organisations/{own}',
      undefined,
      { admin: 200, registrations: 200, signals: 200, 'follow-up': 200, 'contact-details': 200 },
    ],
    ['get', '/v1/organisations/{other}', undefined, { admin: 200 }],
    ['post', '/v1/organisations/{own}/professionals', person, { admin: 201 }],
    ['post', '/v1/organisations/{other}/professionals', person, { admin: 201 }],
    [
      'get',
      '/v1/organisations/{own}/professionals',
      undefined,
      { admin: 200, registrations: 200, signals: 200, 'follow-up': 200, 'contact-details': 200 },
    ],
    ['get', '/v1/organisations/{other}/professionals', undefined, { admin: 200 }],
    [
      'get',
      '/v1/organisations/{own}/professionals/{pro}',
      undefined,
      { admin: 200, registrations: 200, signals: 200, 'follow-up': 200, 'contact-details': 200 },
    ],
    [
      'patch',
      '/v1/organisations/{own}/professionals/{pro}',
      { phone: '+31 77 111 2222' },
      { admin: 200, 'contact-details': 200 },
    ],
    ['patch', '/v1/organisations/{other}/professionals/{otherPro}', { phone: '+31 77 111 2222' }, { admin: 200 }],
    ['get', '/v1/organisations/{own}/credentials', undefined, { admin: 200 }],
    ['post', '/v1/organisations/{own}/credentials', { scopes: ['signals'] }, { admin: 201 }],
    [
      'post',
      '/v1/organisations/{own}/professional-imports',
      { csv: 'naam;e-mail;telefoon;rol\nX;x.matrix@example.org;077 123 4567;meldingsbevoegde', dryRun: true },
      { admin: 200 },
    ],
    ['post', '/v1/organisations/{own}/webhook-test', undefined, { admin: 422 }],
    [
      'post',
      '/v1/organisations/{own}/professionals/{pro}/contact-confirmation',
      undefined,
      { admin: 200, 'contact-details': 200 },
    ],
    [
      'get',
      '/v1/me',
      undefined,
      { admin: 200, registrations: 200, signals: 200, 'follow-up': 200, 'contact-details': 200, otherAdmin: 200 },
    ],
    [
      'post',
      '/v1/organisations/{own}/professionals/{pro}/invitation',
      undefined,
      { admin: 202, 'contact-details': 202 },
    ],
    ['post', '/v1/organisations/{other}/professionals/{otherPro}/invitation', undefined, { admin: 202 }],
    [
      'put',
      '/v1/organisations/{own}/identity-provider',
      { issuer: 'https://login.example.org', clientId: 'verwijsindex', clientSecret: 'geheim' },
      { admin: 200 },
    ],
    ['get', '/v1/organisations/{own}/identity-provider', undefined, { admin: 200 }],
    ['delete', '/v1/organisations/{own}/identity-provider', undefined, { admin: 204 }],
    [
      'put',
      '/v1/organisations/{own}/professionals/{pro}/stand-in',
      { standInId: '{pro2}', until: inDays(7) },
      { admin: 200, 'contact-details': 200 },
    ],
    [
      'get',
      '/v1/organisations/{own}/professionals/{pro}/stand-in',
      undefined,
      { admin: 200, registrations: 200, signals: 200, 'follow-up': 200, 'contact-details': 200 },
    ],
    // The administrator reaches the other organisation's person, but a colleague of another organisation cannot stand in.
    [
      'put',
      '/v1/organisations/{other}/professionals/{otherPro}/stand-in',
      { standInId: '{pro2}', until: inDays(7) },
      { admin: 422 },
    ],
    // The administrator ended it just before the coordinator's turn: nothing is left to end.
    [
      'delete',
      '/v1/organisations/{own}/professionals/{pro}/stand-in',
      undefined,
      { admin: 204, 'contact-details': 404 },
    ],
    ['get', '/v1/audit-events', undefined, { admin: 200, otherAdmin: 200 }],
    ['get', '/v1/subject-requests', undefined, { admin: 200, otherAdmin: 200 }],
    ['get', '/v1/complaints', undefined, { admin: 200, otherAdmin: 200 }],
    ['get', '/v1/statistics/dashboard?from=2026-01&to=2026-12', undefined, { admin: 200, otherAdmin: 200 }],
    // Only the installation's own key (the operator) connects a college.
    [
      'post',
      '/v1/colleges',
      { municipalityCode: '0889', name: 'Gemeente Beesel', administrator: { email: 'a@example.org', name: 'A' } },
      {},
    ],
    // A coordinator (contact-details) ends designations of the own organisation only: another is not found.
    ['delete', '/v1/organisations/{other}/professionals/{otherPro}', undefined, { admin: 200, 'contact-details': 404 }],
  ];
  const callers: Who[] = ['none', 'admin', 'registrations', 'signals', 'follow-up', 'contact-details', 'otherAdmin'];

  const cases = endpoints.flatMap(([method, path, body, allowed]) =>
    callers.map((who) => {
      let expected = allowed[who];
      if (expected === undefined) {
        if (who === 'none') expected = 401;
        else {
          // Scope-guarded routes answer 403 to a credential without the scope; visibility answers 404.
          const scopeGuarded =
            (method === 'post' && path === '/v1/organisations') ||
            path.includes('/credentials') ||
            path.endsWith('/professional-imports') ||
            path.endsWith('/webhook-test') ||
            path.endsWith('/contact-confirmation') ||
            path.includes('/identity-provider') ||
            path.endsWith('/invitation') ||
            (path.endsWith('/stand-in') && method !== 'get') ||
            path === '/v1/audit-events' ||
            path === '/v1/subject-requests' ||
            path === '/v1/complaints' ||
            path.startsWith('/v1/statistics') ||
            path === '/v1/colleges' ||
            (method === 'post' && path.endsWith('/professionals')) ||
            method === 'delete' ||
            method === 'patch';
          const hasScope =
            who === 'admin' ||
            who === 'otherAdmin' ||
            ((method === 'patch' ||
              path.endsWith('/invitation') ||
              path.endsWith('/stand-in') ||
              path.endsWith('/contact-confirmation')) &&
              who === 'contact-details');
          if (path === '/v1/colleges') expected = 403;
          expected ??= scopeGuarded && !hasScope ? 403 : 404;
        }
      }
      return { method, path, body, who, expected };
    }),
  );

  it.each(cases)('$method $path as $who → $expected', async ({ method, path, body, who, expected }) => {
    const url = path
      .replace('{own}', f.own.id)
      .replace('{other}', f.other.id)
      .replace('{pro}', f.own.professionalIds[0])
      .replace('{otherPro}', f.other.professionalIds[0]);
    const http = api.http() as unknown as Record<string, (url: string) => import('supertest').Test>;
    let call = http[method](url);
    if (who !== 'none') call = call.set(bearer(f.secrets[who]));
    const payload =
      body === undefined ? undefined : JSON.parse(JSON.stringify(body).replace('{pro2}', f.own.professionalIds[1]));
    const response = await (payload === undefined ? call : call.send(payload));
    expect(response.status).toBe(expected);
    if (expected >= 400) expect(response.headers['content-type']).toMatch(/problem\+json/);
    if (who === 'otherAdmin' && method === 'get' && path === '/v1/organisations') {
      // The other college's administrator sees only its own gemeente.
      expect(response.body.items.map((o: { municipalityCode: string }) => o.municipalityCode)).toEqual(['0957']);
    }
    if (who !== 'admin' && method === 'get' && path === '/v1/organisations' && who !== 'none' && who !== 'otherAdmin') {
      expect(response.body.items.map((o: { id: string }) => o.id)).toEqual([f.own.id]);
    }
  });

  it('answers an unknown id exactly as an id of another organisation', async () => {
    const unknown = await api
      .http()
      .get('/v1/organisations/9b1c3f4e-0000-4000-8000-000000000000')
      .set(bearer(f.secrets.signals));
    const foreign = await api.http().get(`/v1/organisations/${f.other.id}`).set(bearer(f.secrets.signals));
    const notUuid = await api.http().get('/v1/organisations/abc').set(bearer(f.secrets.signals));
    for (const response of [unknown, foreign, notUuid]) {
      expect(response.status).toBe(404);
      expect({ ...response.body, instance: undefined, correlationId: undefined }).toEqual({
        ...unknown.body,
        instance: undefined,
        correlationId: undefined,
      });
    }
  });
});
