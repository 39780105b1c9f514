import { anOrganisation, TestOrganisation } from './support/factories';
import { bearer, countRows, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { bornYearsAgo } from './support/youths';

/** Input that once gave 500s or was stored as nonsense: each class gets a clear 4xx and changes nothing. */
describe('bad input', () => {
  let api: TestApi;
  let org: TestOrganisation;
  const admin = bearer(ADMIN_KEY);

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    org = await anOrganisation(api);
  });
  afterAll(() => api?.close());

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['an offset beyond ±14:00', '2026-01-01T00:00:00+15:30'],
    ['an offset of +16:00', '2026-01-01T00:00:00+16:00'],
    ['no time zone', '2026-01-01T00:00:00'],
    ['a day that does not exist', '2026-02-30T00:00:00Z'],
    ['a year PostgreSQL cannot hold', '+275760-09-13T00:00:00Z'],
    ['a year before 1900', '0001-01-01T00:00:00Z'],
    ['not a date at all', 'yesterday'],
  ])('refuses a date-time with %s (400, the field named)', async (_, value) => {
    const audit = await api
      .http()
      .get(`/v1/audit-events?from=${encodeURIComponent(value)}`)
      .set(admin)
      .expect(400);
    expect(audit.body.errors[0].field).toBe('from');
    const incident = await api
      .http()
      .post('/v1/incidents')
      .set(admin)
      .send({ summary: 'Laptop kwijt', occurredAt: value })
      .expect(400);
    expect(incident.body.errors[0].field).toBe('occurredAt');
  });

  it.each([
    [
      'a cursor with an impossible time',
      encode(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    ],
    ['a cursor with no time zone', encode(['2026-01-01T00:00:00', '00000000-0000-4000-8000-000000000000'])],
    ['a cursor with a malformed id', encode(['2026-01-01T00:00:00.000Z', '------------------------------------'])],
    ['a cursor that is not JSON', 'bm90IGpzb24'],
    ['a cursor that is an object', encode({ a: 1 })],
  ])('refuses %s on every newest-first list (400)', async (_, cursor) => {
    for (const path of [
      '/v1/organisations',
      `/v1/organisations/${org.id}/professionals`,
      `/v1/organisations/${org.id}/credentials`,
    ]) {
      const response = await api.http().get(`${path}?cursor=${cursor}`).set(admin).expect(400);
      expect(response.body.errors[0]).toMatchObject({ field: 'cursor' });
    }
    await api.http().get(`/v1/registrations?cursor=${cursor}`).set(bearer(org.secret)).expect(400);
    await api.http().get(`/v1/signals?cursor=${cursor}`).set(bearer(org.secret)).expect(400);
    await api.http().get(`/v1/matches?cursor=${cursor}`).set(bearer(org.secret)).expect(400);
  });

  it.each([['99999999999999999999'], ['9223372036854775808'], ['0'], ['-1'], ['1e5']])(
    'refuses the audit cursor %s (400)',
    async (cursor) => {
      await api.http().get(`/v1/audit-events?cursor=${cursor}`).set(admin).expect(400);
    },
  );

  it.each([
    ['agreementReference', { agreementReference: '   ' }],
    ['name', { name: ' \t ' }],
  ])('refuses a whitespace-only %s when connecting an organisation (400) and stores nothing', async (field, change) => {
    const before = await countRows(api.dataSource, 'organisations');
    const body = {
      name: 'Basisschool De Linde',
      kind: 'education',
      municipalityCode: '0983',
      agreementReference: 'CONV-2026-7',
      ...change,
    };
    const response = await api.http().post('/v1/organisations').set(admin).send(body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(api.dataSource, 'organisations')).toBe(before);
  });

  it.each([
    ['agreementReference', { agreementReference: '  ' }, ''],
    ['name', { name: '   ' }, 'professionals'],
    ['label', { scopes: ['registrations'], label: '   ' }, 'credentials'],
  ])('refuses a whitespace-only %s everywhere it is stored', async (field, body, sub) => {
    const path = sub ? `/v1/organisations/${org.id}/${sub}` : `/v1/organisations/${org.id}`;
    const request =
      sub === 'credentials'
        ? api.http().post(path)
        : sub === 'professionals'
          ? api.http().post(path)
          : api.http().patch(path);
    const full =
      sub === 'professionals'
        ? { email: 'x@example.org', phone: '+31 77 123 4567', role: 'professional', ...body }
        : body;
    const response = await request.set(admin).send(full).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ['a null description', { description: null }],
    ['an empty summary', { summary: '' }],
    ['a whitespace summary', { summary: '   ' }],
    ['no summary at all', {}],
    ['a null summary', { summary: null }],
    ['both summary and description', { summary: 'a', description: 'b' }],
    ['a blank reference', { summary: 'Laptop kwijt', reference: ' ' }],
  ])('refuses an incident with %s (400) and mails nobody', async (_, body) => {
    const before = await countRows(api.dataSource, 'incident_notifications');
    await api.http().post('/v1/incidents').set(admin).send(body).expect(400);
    expect(await countRows(api.dataSource, 'incidents')).toBe(0);
    expect(await countRows(api.dataSource, 'incident_notifications')).toBe(before);
  });

  it.each([
    ['---', 'surname must contain letters'],
    ['1234', 'surname must not contain digits'],
    ['Smith1', 'surname must not contain digits'],
    ['Jan$en', 'surname may hold only letters, spaces, hyphens, apostrophes and dots'],
  ])(
    'refuses %j as the surname of a youth without a BSN (422 with the field), so unrelated children never match',
    async (surname, reason) => {
      const before = await countRows(api.dataSource, 'registrations');
      const response = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({ professionalId: org.professionalIds[0], youth: { surname, birthDate: bornYearsAgo(8), sex: 'M' } })
        .expect(422);
      expect(response.body).toMatchObject({ code: 'SURNAME_INVALID', errors: [{ field: 'youth.surname', reason }] });
      expect(await countRows(api.dataSource, 'registrations')).toBe(before);
      // The same class of input is refused wherever a youth is named.
      await api
        .http()
        .post('/v1/subject-access-requests')
        .set(admin)
        .send({ youth: { surname, birthDate: bornYearsAgo(8), sex: 'M' } })
        .expect(422);
      await api
        .http()
        .post('/v1/deaths')
        .set(admin)
        .send({ youth: { surname, birthDate: bornYearsAgo(8), sex: 'M' } })
        .expect(422);
    },
  );
});
