import { connect, Socket } from 'node:net';
import { anOrganisation, TestOrganisation } from './support/factories';
import { parseResponse, rawExchange } from './support/raw-http';
import { bearer, countRows, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

/** What every client meets before a handler runs: media types, body shape, URLs, headers, timeouts, authentication. */
describe('HTTP edge', () => {
  let api: TestApi;
  let port: number;
  let org: TestOrganisation;

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    port = await api.listen();
    org = await anOrganisation(api);
  });
  afterAll(() => api?.close());

  const registrationBody = (bsn = aBsn()) => ({
    professionalId: org.professionalIds[0],
    youth: { bsn, birthDate: bornYearsAgo(9) },
  });

  describe('bodies: JSON in UTF-8 only, bounded, never echoed', () => {
    it.each([
      [
        'application/x-www-form-urlencoded',
        (bsn: string) => `professionalId=x&youth[bsn]=${bsn}&youth[birthDate]=2015-01-01`,
      ],
      ['text/plain', (bsn: string) => JSON.stringify({ youth: { bsn } })],
      ['application/xml', (bsn: string) => `<youth><bsn>${bsn}</bsn></youth>`],
      [
        'multipart/form-data; boundary=x',
        (bsn: string) => `--x\r\nContent-Disposition: form-data; name="bsn"\r\n\r\n${bsn}\r\n--x--`,
      ],
      ['application/json; charset=utf-16', (bsn: string) => JSON.stringify({ youth: { bsn } })],
      ['application/jsonx', (bsn: string) => JSON.stringify({ youth: { bsn } })],
    ])('refuses %s with 415, changes nothing and echoes nothing', async (contentType, body) => {
      const bsn = aBsn();
      const before = await countRows(api.dataSource, 'registrations');
      const response = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .set('content-type', contentType)
        .send(body(bsn))
        .expect(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(JSON.stringify(response.body)).not.toContain(bsn);
      expect(await countRows(api.dataSource, 'registrations')).toBe(before);
    });

    it('refuses a body without Content-Type with 415, without echoing it', async () => {
      const bsn = aBsn();
      const text = JSON.stringify(registrationBody(bsn));
      const { response } = await rawExchange(
        port,
        `POST /v1/registrations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${org.secret}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
      const parsed = parseResponse(response);
      expect(parsed.status).toBe(415);
      expect(parsed.headers['api-version']).toBe('1.0.0');
      expect(response).not.toContain(bsn);
    });

    it('accepts application/json with charset utf-8', async () => {
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .set('content-type', 'application/json; charset=UTF-8')
        .send(JSON.stringify(registrationBody()))
        .expect(201);
    });

    it('never repeats a key it does not know: a BSN sent as a field name is not echoed', async () => {
      const bsn = aBsn();
      const response = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({
          ...registrationBody(),
          [bsn]: true,
          youth: { bsn: aBsn(), birthDate: bornYearsAgo(9), [`${bsn}x`]: 1 },
        })
        .expect(400);
      expect(JSON.stringify(response.body)).not.toContain(bsn);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: '(unknown field)' }),
          expect.objectContaining({ field: 'youth.(unknown field)' }),
        ]),
      );
      // An ordinary unknown field is named, so the client can fix it.
      const named = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({ ...registrationBody(), riskCategory: 'a' })
        .expect(400);
      expect(named.body.errors).toEqual([
        { field: 'riskCategory', reason: 'riskCategory is not part of the contract' },
      ]);
    });

    it('refuses a NUL character in any text, and in the URL, before anything is stored', async () => {
      const before = await countRows(api.dataSource, 'organisations');
      const body = {
        name: 'School\u0000Noord',
        kind: 'education',
        municipalityCode: '0983',
        agreementReference: 'CONV-1',
      };
      const response = await api.http().post('/v1/organisations').set(bearer(ADMIN_KEY)).send(body).expect(400);
      expect(response.body.errors).toEqual([{ field: 'name', reason: expect.stringContaining('NUL') }]);
      const nested = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({ ...registrationBody(), youth: { bsn: aBsn(), birthDate: '2015\u0000' } })
        .expect(400);
      expect(nested.body.errors[0].field).toBe('youth.birthDate');
      await api.http().get('/v1/audit-events?cursor=1%00').set(bearer(ADMIN_KEY)).expect(400);
      // A key that could be a BSN is not repeated, not even to say where the NUL is.
      const hidden = await api
        .http()
        .post('/v1/organisations')
        .set(bearer(ADMIN_KEY))
        .send({ ...body, name: 'x', '123456782': 'a\u0000' })
        .expect(400);
      expect(JSON.stringify(hidden.body)).not.toContain('123456782');
      expect(await countRows(api.dataSource, 'organisations')).toBe(before);
    });

    it('refuses deep nesting and huge key counts before parsing them, at the cost of a scan', async () => {
      let deep = '1';
      for (let i = 0; i < 2000; i += 1) deep = `{"a":${deep}}`;
      const started = Date.now();
      const response = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .set('content-type', 'application/json')
        .send(deep)
        .expect(400);
      expect(response.body.code).toBe('BODY_TOO_COMPLEX');
      const wide = `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":1`).join(',')}}`;
      expect(
        (
          await api
            .http()
            .post('/v1/registrations')
            .set(bearer(org.secret))
            .set('content-type', 'application/json')
            .send(wide)
            .expect(400)
        ).body.code,
      ).toBe('BODY_TOO_COMPLEX');
      const array = `[${Array.from({ length: 5000 }, () => '0').join(',')}]`;
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .set('content-type', 'application/json')
        .send(array)
        .expect(400);
      expect(Date.now() - started).toBeLessThan(2000);
      // Liveness stays quick while such bodies arrive.
      const probes = Array.from({ length: 50 }, () =>
        api.http().post('/v1/registrations').set(bearer(org.secret)).set('content-type', 'application/json').send(deep),
      );
      const live = Date.now();
      await api.http().get('/health/live').expect(200);
      expect(Date.now() - live).toBeLessThan(500);
      await Promise.all(probes);
    });
  });

  describe('URLs, methods and framework errors as problem+json', () => {
    it('answers a known path with a wrong method 405 and Allow', async () => {
      const response = await api.http().delete('/v1/registrations').set(bearer(org.secret)).expect(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST');
      expect(response.body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
      const put = await api.http().put(`/v1/organisations/${org.id}`).set(bearer(ADMIN_KEY)).send({}).expect(405);
      expect(put.headers.allow).toBe('GET, HEAD, PATCH');
      await api.http().get('/v1/no-such-thing').set(bearer(org.secret)).expect(404);
    });

    it('answers a too long path segment 414, a malformed URL 400 and oversized headers 431, each as a problem with API-Version', async () => {
      const long = await api
        .http()
        .get(`/v1/organisations/${'a'.repeat(300)}`)
        .set(bearer(ADMIN_KEY))
        .expect(414);
      expect(long.headers['content-type']).toMatch(/problem\+json/);
      expect(long.headers['api-version']).toBe('1.0.0');
      expect(long.body.code).toBe('URI_TOO_LONG');

      const bad = parseResponse(
        (await rawExchange(port, 'GET /v1/organisations/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
          .response,
      );
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
      expect(bad.headers['api-version']).toBe('1.0.0');

      const huge = parseResponse(
        (
          await rawExchange(
            port,
            `GET /v1/organisations HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
          )
        ).response,
      );
      expect(huge.status).toBe(431);
      expect(huge.headers['content-type']).toMatch(/problem\+json/);
      expect(huge.headers['api-version']).toBe('1.0.0');
      expect((huge.body as { code: string }).code).toBe('HEADERS_TOO_LARGE');
    });

    it('serves an index at /v1 that links to the docs, the OpenAPI document and health', async () => {
      const index = await api.http().get('/v1').expect(200);
      expect(index.body.links).toEqual({
        docs: 'https://verwijsindex.test/v1/docs',
        openapi: 'https://verwijsindex.test/v1/openapi.json',
        health: 'https://verwijsindex.test/health/ready',
      });
    });
  });

  describe('headers', () => {
    it('never lets an answer be cached or sniffed', async () => {
      for (const response of [
        await api.http().get('/v1/registrations').set(bearer(org.secret)).expect(200),
        await api.http().get('/v1/registrations').expect(401),
        await api.http().get('/health/ready'),
      ]) {
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('asks for a bearer credential on 401 and takes the scheme in any case', async () => {
      const missing = await api.http().get('/v1/registrations').expect(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer realm="verwijsindex"');
      const wrong = await api
        .http()
        .get('/v1/registrations')
        .set('Authorization', 'Bearer not-a-known-secret-at-all')
        .expect(401);
      expect(wrong.headers['www-authenticate']).toBe('Bearer realm="verwijsindex", error="invalid_token"');
      for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
        await api.http().get('/v1/registrations').set('Authorization', `${scheme} ${org.secret}`).expect(200);
      }
    });

    it('sends HSTS when the request came over https (behind the proxy in production)', async () => {
      const production = await startApi({ NODE_ENV: 'production' });
      try {
        const secure = await production.http().get('/health/live').set('X-Forwarded-Proto', 'https').expect(200);
        expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        const plain = await production.http().get('/health/live').expect(200);
        expect(plain.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await production.close();
      }
    });

    it('takes a correlation id only as a UUID or a W3C traceparent; anything else (a BSN) is replaced and stored nowhere', async () => {
      const uuid = 'c0ffee00-1234-4abc-8def-0123456789ab';
      expect((await api.http().get('/health/live').set('X-Correlation-Id', uuid)).headers['x-correlation-id']).toBe(
        uuid,
      );
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      expect((await api.http().get('/health/live').set('traceparent', traceparent)).headers['x-correlation-id']).toBe(
        '4bf92f3577b34da6a3ce929d0e0e4736',
      );

      const bsn = aBsn();
      for (const header of [bsn, `bsn-${bsn}`, 'Jansen', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
        const response = await api
          .http()
          .post('/v1/registrations')
          .set(bearer(org.secret))
          .set('X-Correlation-Id', header)
          .set('traceparent', header)
          .send(registrationBody())
          .expect(201);
        expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers['x-correlation-id']).not.toBe(header);
      }
      const stored = await api.dataSource.query(
        `SELECT (SELECT count(*)::int FROM audit_events WHERE correlation_id LIKE '%' || $1 || '%') AS audit,
                (SELECT count(*)::int FROM outbox WHERE correlation_id LIKE '%' || $1 || '%') AS outbox`,
        [bsn],
      );
      expect(stored).toEqual([{ audit: 0, outbox: 0 }]);
      expect(api.logs.join('\n')).not.toContain(bsn);
    });
  });

  describe('failed authentication', () => {
    it('is counted, logged with the client address, traced once and throttled per address', async () => {
      const strict = await startApi({ AUTH_FAILURES_PER_MINUTE: '5' });
      try {
        await strict.reset();
        for (let i = 0; i < 5; i += 1)
          await strict
            .http()
            .get('/v1/registrations')
            .set(bearer(`wrong-secret-number-${i}-xxxxxxxx`))
            .expect(401);
        const throttled = await strict.http().get('/v1/organisations').set(bearer(ADMIN_KEY)).expect(429);
        expect(throttled.body.code).toBe('AUTHENTICATION_THROTTLED');
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
        const lines = strict.logs.map((line) => JSON.parse(line) as { msg: string; source?: string; reason?: string });
        expect(lines.filter((l) => l.msg === 'authentication failed')).toEqual([
          expect.objectContaining({ source: '127.0.0.1', reason: 'unknown' }),
          expect.objectContaining({ source: '127.0.0.1', reason: 'unknown' }),
          expect.objectContaining({ source: '127.0.0.1', reason: 'unknown' }),
        ]);
        expect(lines.some((l) => l.msg === 'client address throttled after failed authentications')).toBe(true);
        expect(strict.logs.join('\n')).not.toContain('wrong-secret-number');
        const traced = await strict.dataSource.query(
          `SELECT details FROM audit_events WHERE action = 'authentication.throttled'`,
        );
        expect(traced).toEqual([{ details: { source: '127.0.0.1', failures: 5 } }]);
        const metrics = await strict.http().get('/metrics').expect(200);
        expect(metrics.text).toMatch(/vir_auth_failures_total\{reason="unknown",service="api"\} 5/);
      } finally {
        await strict.close();
      }
    });
  });

  describe('slow clients and connection limits', () => {
    it('cuts off a client that does not finish its headers in time, and caps open connections', async () => {
      const tight = await startApi({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '16' });
      try {
        const tightPort = await tight.listen();
        const slow = await rawExchange(tightPort, 'GET /v1/organisations HTTP/1.1\r\nHost: x\r\n', 10_000);
        expect(slow.closedAfterMs).toBeLessThan(5000);

        const idle: Socket[] = [];
        for (let i = 0; i < 16; i += 1) {
          idle.push(
            await new Promise<Socket>((resolve) => {
              const s = connect(tightPort, '127.0.0.1', () => resolve(s));
              s.on('error', () => undefined);
            }),
          );
        }
        const refused = await rawExchange(
          tightPort,
          'GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
          3000,
        );
        expect(refused.response).toBe('');
        idle.forEach((s) => s.destroy());
        await new Promise((resolve) => setTimeout(resolve, 200));
        const again = await rawExchange(
          tightPort,
          'GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
          3000,
        );
        expect(parseResponse(again.response).status).toBe(200);
      } finally {
        await tight.close();
      }
    });
  });

  describe('administrator requests', () => {
    it('are traced before the answer leaves: the event is there the moment the client reads the answer', async () => {
      for (let i = 0; i < 20; i += 1) {
        const response = await api
          .http()
          .post('/v1/organisations')
          .set(bearer(ADMIN_KEY))
          .send([{ name: 'x' }])
          .expect(400);
        const [row] = await api.dataSource.query(
          `SELECT details FROM audit_events WHERE action = 'admin.request' AND correlation_id = $1`,
          [response.headers['x-correlation-id']],
        );
        expect(row?.details).toEqual({ method: 'POST', route: '/v1/organisations', status: 400 });
      }
    });
  });
});
