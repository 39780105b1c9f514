import fc from 'fast-check';
import { aFollowUpOfficer, anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { cliWithEnv } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo, today } from './support/youths';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};
interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  body?: Schema;
}

const RUNS_PER_OPERATION_AND_ROLE = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/**
 * Property-based fuzzing derived from the OpenAPI document the api serves: every operation, with
 * every kind of credential, with generated path and query parameters, headers and bodies — valid
 * ones (from the schemas) and hostile ones (wrong types, missing and unknown fields, NUL, huge,
 * deep). Properties: never a 5xx; every answer matches the document (test/support/test-api.ts
 * checks each); an answer 4xx changes no row of any table but the audit log.
 */
describe('fuzzing from the OpenAPI document', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let document: {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  let operations: Operation[];
  let roles: Record<string, Record<string, string>>;
  let own: TestOrganisation;
  let other: TestOrganisation;
  let victim: TestOrganisation;
  const ids: Record<string, string[]> = {};
  const statuses = new Map<number, number>();
  let requests = 0;

  const changes = async (): Promise<number> =>
    Number((await api.dataSource.query(`SELECT last_value FROM fuzz_changes`))[0].last_value);

  beforeAll(async () => {
    // Failed authentications are part of the fuzzing, so the address is not throttled here (http-edge tests that).
    // A real mail server: an invitation that is accepted is mailed.
    smtp = await startSmtpSink();
    api = await startApi({ AUTH_FAILURES_PER_MINUTE: '100000', SMTP_URL: smtp.url });
    await api.reset();
    // Every insert, update or delete of a row outside the audit log counts (credential use times aside).
    const tables: { tablename: string }[] = await api.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'audit_events', 'audit_chain')`,
    );
    await api.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS fuzz_changes`);
    await api.dataSource.query(
      `CREATE OR REPLACE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('fuzz_changes'); RETURN NULL; END $$`,
    );
    for (const { tablename } of tables) {
      const when =
        tablename === 'credentials'
          ? `AFTER INSERT OR DELETE OR UPDATE OF revoked_at, scopes, label`
          : 'AFTER INSERT OR UPDATE OR DELETE';
      await api.dataSource.query(
        `CREATE OR REPLACE TRIGGER fuzz_count ${when} ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`,
      );
    }

    const [{ id: gemeente }] = await api.dataSource.query(`SELECT id FROM organisations WHERE kind = 'municipality'`);
    await aFollowUpOfficer(api, gemeente);
    own = await anOrganisation(api, { professionals: 2, scopes: ['registrations'] });
    other = await anOrganisation(api, { professionals: 1 });
    victim = await anOrganisation(api, { professionals: 1 });
    const issue = async (org: string, scopes: string[]) =>
      (
        await api
          .http()
          .post(`/v1/organisations/${org}/credentials`)
          .set(bearer(ADMIN_KEY))
          .send({ scopes })
          .expect(201)
      ).body as { id: string; secret: string };
    const beesel = await cliWithEnv(
      { VIR_MUNICIPALITY_CODE: '0889', VIR_MUNICIPALITY_NAME: 'Gemeente Beesel' },
      'admin',
      'create',
      'fuzz',
    );
    roles = {
      none: {},
      admin: bearer(ADMIN_KEY),
      registrations: bearer(own.secret),
      signals: bearer((await issue(own.id, ['signals'])).secret),
      'contact-details': bearer((await issue(own.id, ['contact-details'])).secret),
      'follow-up': bearer((await issue(gemeente, ['follow-up', 'signals'])).secret),
      'other college': bearer(/Secret \(shown once\): (\S+)/.exec(beesel.stdout)?.[1] as string),
    };

    // Objects for path parameters: the own organisation's, another's, and throwaway ones.
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10) };
    const registration = (await aRegistration(api, own, youth)).body;
    await aRegistration(api, other, youth);
    const incident = (
      await api.http().post('/v1/incidents').set(bearer(ADMIN_KEY)).send({ summary: 'Proef' }).expect(201)
    ).body;
    ids.organisationId = [own.id, other.id, gemeente];
    ids.professionalId = [...own.professionalIds, own.coordinatorId, other.professionalIds[0]];
    ids.credentialId = [(await issue(victim.id, ['registrations'])).id];
    ids.registrationId = [registration.id];
    ids.incidentId = [incident.id];
    ids.signalId = [];
    ids.matchId = [];

    document = (await api.http().get('/v1/openapi.json').expect(200)).body;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content['application/json']?.schema,
      })),
    );
  });
  afterAll(async () => {
    const counts = Object.fromEntries([...statuses.entries()].sort((a, b) => a[0] - b[0]));
    if (api) {
      const tables: { tablename: string }[] = await api.dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
      );
      for (const { tablename } of tables)
        await api.dataSource.query(`DROP TRIGGER IF EXISTS fuzz_count ON "${tablename}"`);
      await api.dataSource.query(`DROP FUNCTION IF EXISTS fuzz_count`);
      await api.dataSource.query(`DROP SEQUENCE IF EXISTS fuzz_changes`);
    }
    process.stdout.write(
      `fuzz: ${requests} requests, ${operations?.length ?? 0} operations × ${Object.keys(roles ?? {}).length} credentials, seed ${SEED}; statuses ${JSON.stringify(counts)}\n`,
    );
    await api?.close();
    await smtp?.close();
  });

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop() as string]) : schema;

  /** Values the schema allows; for some well-known names, ones that also mean something here. */
  function valid(schema: Schema, name = ''): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    if (Array.isArray(s.oneOf)) return fc.oneof(...(s.oneOf as Schema[]).map((o) => valid(o, name)));
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    if (name === 'bsn') return fc.constant(null).map(() => aBsn());
    if (name === 'birthDate') return fc.integer({ min: 0, max: 24 }).map((years) => bornYearsAgo(years));
    if (name === 'municipalityCode') return fc.constantFrom('0983', '0889', '1234');
    if (name === 'phone') return fc.constantFrom('+31 77 123 4567', '077-1234567');
    if (name === 'webhookUrl') return fc.constantFrom('https://93.184.216.34/hook', 'http://127.0.0.1:9/hook');
    if (name === 'surname') return fc.constantFrom('De Vries', 'Öztürk', "d'Ancona", '---', 'Smith1');
    if (name === 'from' || name === 'to') return fc.constantFrom('2026-01', '2026-11', '2026-11-30T10:00:00Z');
    if (ids[name]) return fc.constantFrom(...ids[name], '00000000-0000-4000-8000-000000000000');
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return fc.uuid();
        if (s.format === 'date')
          return fc
            .integer({ min: -800, max: 800 })
            .map((days) => new Date(Date.parse(today()) + days * 86_400_000).toISOString().slice(0, 10));
        if (s.format === 'date-time')
          return fc
            .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString());
        if (s.format === 'email') return fc.emailAddress();
        return fc.string({ minLength: Number(s.minLength ?? 1), maxLength: Math.min(Number(s.maxLength ?? 40), 40) });
      case 'integer':
        return fc.integer({ min: Number(s.minimum ?? -5), max: Number(s.maximum ?? 500) });
      case 'number':
        return fc.double({ noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valid(s.items ?? {}, name), { maxLength: 3 });
      case 'object': {
        const properties = Object.fromEntries(
          Object.entries(s.properties ?? {}).map(([key, value]) => [key, valid(value, key)]),
        );
        return fc.record(properties, { requiredKeys: (s.required ?? []).filter((key) => key in properties) });
      }
      default:
        return fc.anything({ maxDepth: 2 });
    }
  }

  /** Values a client should not send: each must get a clear 4xx. */
  const hostile: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.constant('   '),
    fc.constant('a\u0000b'),
    fc.constant('x'.repeat(5000)),
    fc.constant('2026-01-01T00:00:00+16:00'),
    fc.constant('99999999999999999999'),
    fc.constant('9999-99-99'),
    fc.constant(-1),
    fc.constant(1e308),
    fc.constant(true),
    fc.constant([]),
    fc.constant({}),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.anything({ maxDepth: 3 }),
  );

  /** A valid value most of the time, a hostile one at any node now and then. */
  function mixed(schema: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    if (s.type === 'object' && s.properties && depth < 4) {
      const properties = Object.fromEntries(
        Object.entries(s.properties).map(([key, value]) => [key, mixed(value, key, depth + 1)]),
      );
      const record = fc.record(properties, { requiredKeys: [] });
      const withExtra = fc
        .tuple(
          record,
          fc.constantFrom('riskCategory', 'reason', 'notes', '123456782', '__proto__'),
          fc.anything({ maxDepth: 1 }),
        )
        .map(([r, k, v]) => ({ ...r, [k]: v }));
      return fc.oneof(
        { weight: 5, arbitrary: valid(s, name) },
        { weight: 3, arbitrary: record },
        { weight: 1, arbitrary: withExtra },
        { weight: 1, arbitrary: hostile },
      );
    }
    return fc.oneof({ weight: 4, arbitrary: valid(s, name) }, { weight: 1, arbitrary: hostile });
  }

  const headerValues = fc.oneof(
    { weight: 12, arbitrary: fc.constant({}) },
    fc.constant({ 'x-correlation-id': '123456782' }),
    fc.constant({ 'x-correlation-id': 'c0ffee00-1234-4abc-8def-0123456789ab' }),
    fc.constant({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }),
    fc.constant({ 'content-type': 'text/plain' }),
    fc.constant({ 'content-type': 'application/json; charset=utf-16' }),
    fc.constant({ 'content-type': 'application/x-www-form-urlencoded' }),
  );

  // Operations whose success would take the fuzzer's own credentials away get throwaway objects only.
  const guarded = (op: Operation, name: string, value: string): string => {
    if (
      name === 'organisationId' &&
      (/disconnection$/.test(op.path) || (op.method === 'DELETE' && op.path.includes('credentials')))
    )
      return victim.id;
    return value;
  };

  it('never answers 5xx, always as documented, and changes nothing when it refuses', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const [role, headers] of Object.entries(roles)) {
        const pathParameters = op.parameters.filter((p) => p.in === 'path');
        const queryParameters = op.parameters.filter((p) => p.in === 'query');
        const arbitrary = fc.record({
          path: fc.record(
            Object.fromEntries(
              pathParameters.map((p) => [
                p.name,
                fc.oneof(
                  { weight: 5, arbitrary: valid(p.schema ?? {}, p.name) },
                  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
                ),
              ]),
            ),
          ),
          query: fc.record(Object.fromEntries(queryParameters.map((p) => [p.name, mixed(p.schema ?? {}, p.name)])), {
            requiredKeys: [],
          }),
          body: op.body ? mixed(op.body) : fc.constant(undefined),
          headers: headerValues,
        });
        await fc.assert(
          fc.asyncProperty(arbitrary, async (input) => {
            let url = `/v1${op.path}`;
            for (const [name, value] of Object.entries(input.path))
              url = url.replace(`{${name}}`, encodeURIComponent(guarded(op, name, String(value))));
            const pairs: [string, string][] = Object.entries(input.query)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
            const query = new URLSearchParams(pairs);
            if ([...query].length) url += `?${query.toString()}`;
            const before = await changes();
            let call = (api.http() as unknown as Record<string, (u: string) => ReturnType<TestApi['http']>['get']>)[
              op.method.toLowerCase()
            ](url) as unknown as import('supertest').Test;
            call = call.set({ ...headers });
            for (const [k, v] of Object.entries(input.headers)) call = call.set(k, v);
            if (input.body !== undefined && !('content-type' in input.headers))
              call = call.set('content-type', 'application/json');
            const response =
              input.body === undefined ? await call : await call.send(JSON.stringify(input.body) ?? 'null');
            requests += 1;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status >= 500)
              failures.push(
                `${op.method} ${url} as ${role} → ${response.status}: ${JSON.stringify(input).slice(0, 300)}`,
              );
            if (response.status >= 400 && response.status < 500 && (await changes()) !== before) {
              failures.push(
                `${op.method} ${url} as ${role} → ${response.status} but changed rows: ${JSON.stringify(input).slice(0, 300)}`,
              );
            }
            if (response.status === 200 && op.path === '/signals')
              for (const s of response.body.items) if (!ids.signalId.includes(s.id)) ids.signalId.push(s.id);
            if (response.status === 200 && op.path === '/matches')
              for (const m of response.body.items) if (!ids.matchId.includes(m.id)) ids.matchId.push(m.id);
          }),
          { numRuns: RUNS_PER_OPERATION_AND_ROLE, seed: SEED, endOnFailure: true },
        );
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBe(operations.length * Object.keys(roles).length * RUNS_PER_OPERATION_AND_ROLE);
  }, 600_000);
});
