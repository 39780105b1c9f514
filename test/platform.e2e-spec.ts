import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bearer, startApi, TestApi } from './support/test-api';
import { standardFile } from './support/standards';
import { ADMIN_KEY } from './support/test-config';

const run = promisify(execFile);

describe('platform: health, OpenAPI, headers, correlation and rate limits', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
  });
  afterAll(() => api.close());

  it('reports liveness and readiness of PostgreSQL and Redis without a credential', async () => {
    const live = await api.http().get('/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await api.http().get('/health/ready').expect(200);
    // The bootstrap college has no follow-up officer yet: a degraded detail, not an outage.
    expect(ready.body).toEqual({
      status: 'ok',
      details: {
        database: { status: 'up' },
        redis: { status: 'up' },
        followUpOfficers: { status: 'degraded', collegesWithoutOfficer: 1 },
      },
    });
    expect(ready.headers['api-version']).toBe('1.0.0');
  });

  it('publishes an OpenAPI 3 document that passes the NL GOV API Design Rules linter', async () => {
    const response = await api.http().get('/v1/openapi.json').expect(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.info.contact).toEqual({
      name: expect.any(String),
      url: expect.any(String),
      email: expect.any(String),
    });
    expect(document.servers[0].url).toBe('https://verwijsindex.test/v1');
    expect(Object.keys(document.paths)).toContain('/organisations');
    expect(Object.keys(document.paths).some((path) => path.endsWith('/'))).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const ruleset = standardFile('adr-ruleset.yaml');
    const result = await run('npx', ['spectral', 'lint', '--quiet', '-f', 'json', '-r', ruleset, file], {
      cwd: join(__dirname, '..'),
    }).catch((error: { stdout: string }) => error);
    const problems: { severity: number; code: string; message: string; path: string[] }[] = JSON.parse(result.stdout);
    const errors = problems.filter((p) => p.severity === 0);
    expect(errors.map((e) => `${e.code} ${e.path.join('.')}: ${e.message}`)).toEqual([]);
  });

  it('puts API-Version and the correlation id on every response, errors included', async () => {
    const given = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const own = await api
      .http()
      .get('/v1/organisations')
      .set(bearer(ADMIN_KEY))
      .set('X-Correlation-Id', given)
      .expect(200);
    expect(own.headers['api-version']).toBe('1.0.0');
    expect(own.headers['x-correlation-id']).toBe(given);

    const missing = await api.http().get('/v1/nothing-here').set(bearer(ADMIN_KEY)).expect(404);
    expect(missing.headers['api-version']).toBe('1.0.0');
    expect(missing.body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      correlationId: missing.headers['x-correlation-id'],
    });

    // A malformed correlation id is replaced, never echoed.
    const odd = await api
      .http()
      .get('/v1/organisations')
      .set(bearer(ADMIN_KEY))
      .set('X-Correlation-Id', '<script>')
      .expect(200);
    expect(odd.headers['x-correlation-id']).not.toContain('<');
    const line = api.logs.map((l) => JSON.parse(l)).find((l) => l.correlationId === given);
    expect(line).toMatchObject({ msg: 'request', route: '/v1/organisations', status: 200 });
    expect(JSON.stringify(api.logs)).not.toContain(ADMIN_KEY);
  });

  it('limits requests per credential with 429 and Retry-After', async () => {
    const limited = await startApi({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i += 1) await limited.http().get('/v1/organisations').set(bearer(ADMIN_KEY)).expect(200);
      const refused = await limited.http().get('/v1/organisations').set(bearer(ADMIN_KEY)).expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
