import { Logger } from '@nestjs/common';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrpError, BrpPersonen } from '../libs/brp/src';
import { BrpTokens } from '../libs/brp/src/brp-tokens';
import { loadConfig } from '../libs/config/src';
import { Metrics } from '../libs/observability/src';
import { brpPersonenSchemas, brpUpdateSchemas } from './support/brp-spec';
import { cliWithEnv, LocalBrpProcess, ROOT, startLocalBrp, waitFor } from './support/processes';

const API_KEY = 'local-brp-test-key-0123456789';
const DEMO = join(ROOT, 'scripts/local-brp.personas.json');

interface DemoPerson {
  burgerservicenummer: string;
  naam: { voornamen: string; geslachtsnaam: string };
  overlijden?: object;
  geheimhoudingPersoonsgegevens?: boolean;
  gemeenteVanInschrijving: { code: string; omschrijving: string };
  verblijfplaats?: { type: string; adresseerbaarObjectIdentificatie?: string };
  ouders?: { burgerservicenummer: string }[];
}
const demo = (JSON.parse(readFileSync(DEMO, 'utf8')) as { personen: DemoPerson[] }).personen;
const named = (voornamen: string) => {
  const found = demo.find((p) => p.naam.voornamen === voornamen);
  if (!found) throw new Error(`no ${voornamen} in the demo persons`);
  return found;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(url: string, extra: Record<string, string> = {}, metrics = new Metrics('test')): BrpPersonen {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    VIR_PSEUDONYM_KEY: 'k'.repeat(32),
    VIR_AUDIT_KEY: 'a'.repeat(32),
    BRP_URL: url,
    BRP_API_KEY: API_KEY,
    BRP_TIMEOUT_MS: '500',
    BRP_BREAKER_RESET_MS: '60000',
    ...extra,
  });
  return new BrpPersonen(config, new BrpTokens(config), metrics);
}

/**
 * The local BRP over HTTP, and the index's client of the Haal Centraal BRP Personen API v2: every
 * request the client sends and every answer the local BRP gives is checked against the published
 * specification (a proxy in between validates both).
 */
describe('the BRP: the local BRP and the Personen API client', () => {
  const violates = brpPersonenSchemas();
  const dir = mkdtempSync(join(tmpdir(), 'brp-'));
  const personsFile = join(dir, 'persons.json');
  let brp: LocalBrpProcess;
  let proxy: Server;
  let proxyUrl: string;
  const violations: string[] = [];

  beforeAll(async () => {
    copyFileSync(DEMO, personsFile);
    brp = await startLocalBrp(personsFile, { BRP_DEV_API_KEY: API_KEY });
    const forward = async (request: IncomingMessage, response: ServerResponse) => {
      const body = await readBody(request);
      const query = JSON.parse(body) as { type: string };
      for (const v of violates(query.type, query)) violations.push(`request ${query.type}: ${v}`);
      const upstream = await fetch(`${brp.url}${request.url}`, {
        method: 'POST',
        headers: {
          'content-type': request.headers['content-type'] ?? '',
          'x-api-key': String(request.headers['x-api-key'] ?? ''),
        },
        body,
      });
      const text = await upstream.text();
      const schema =
        upstream.status === 200
          ? `${query.type}Response`
          : upstream.status === 400
            ? 'BadRequestFoutbericht'
            : 'Foutbericht';
      for (const v of violates(schema, JSON.parse(text))) violations.push(`answer ${schema}: ${v}`);
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
      response.end(text);
    };
    proxy = createServer((request, response) => {
      forward(request, response).catch((error: Error) => {
        violations.push(`proxy: ${error.message}`);
        response.writeHead(502).end();
      });
    });
    proxyUrl = await listen(proxy);
  });
  afterAll(async () => {
    await brp?.kill();
    await new Promise((resolve) => proxy?.close(resolve));
  });
  afterEach(() => {
    const found = violations.splice(0);
    expect(found).toEqual([]);
  });

  /** A request straight to the local BRP (it may break the specification on purpose); its answer is checked here. */
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${brp.url}/personen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-api-key': API_KEY, ...headers },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    const schema =
      response.status === 200
        ? `${(body as { type: string }).type}Response`
        : response.status === 400
          ? 'BadRequestFoutbericht'
          : 'Foutbericht';
    for (const v of violates(schema, answer)) violations.push(`answer ${schema}: ${v}`);
    return { status: response.status, contentType: response.headers.get('content-type'), answer };
  };

  it('has demo persons that are valid Personen API answers', () => {
    expect(
      violates('RaadpleegMetBurgerservicenummerResponse', { type: 'RaadpleegMetBurgerservicenummer', personen: demo }),
    ).toEqual([]);
  });

  it('gives each use only its fields, always with the automatically delivered ones', async () => {
    const eva = named('Eva');
    const response = await post({
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: [eva.burgerservicenummer],
      fields: ['burgerservicenummer', 'geboorte.datum'],
    });
    expect(response.status).toBe(200);
    const body = response.answer as { personen: Record<string, unknown>[] };
    expect(body.personen).toHaveLength(1);
    expect(Object.keys(body.personen[0]).sort()).toEqual([
      'burgerservicenummer',
      'geboorte',
      'geheimhoudingPersoonsgegevens',
    ]);
    const address = await post({
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: [eva.burgerservicenummer],
      fields: ['verblijfplaats.adresseerbaarObjectIdentificatie'],
    });
    const [only] = (address.answer as { personen: Record<string, unknown>[] }).personen;
    expect(only.verblijfplaats).toEqual({
      type: 'Adres',
      adresseerbaarObjectIdentificatie: expect.stringMatching(/^\d{16}$/),
    });
  });

  it.each([
    ['an unknown type', { type: 'ZoekMetIets', fields: ['burgerservicenummer'] }, 'type'],
    ['no fields', { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999970008'] }, 'fields'],
    [
      'an automatically delivered field',
      {
        type: 'RaadpleegMetBurgerservicenummer',
        burgerservicenummer: ['999970008'],
        fields: ['geheimhoudingPersoonsgegevens'],
      },
      'fields',
    ],
    [
      'a malformed BSN',
      { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['12'], fields: ['burgerservicenummer'] },
      'burgerservicenummer',
    ],
    [
      '21 BSNs',
      {
        type: 'RaadpleegMetBurgerservicenummer',
        burgerservicenummer: Array(21).fill('999970008'),
        fields: ['burgerservicenummer'],
      },
      'burgerservicenummer',
    ],
    [
      'a search without a birth date',
      { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: 'Jacobs', fields: ['burgerservicenummer'] },
      'geboortedatum',
    ],
    [
      'an unexpected parameter',
      {
        type: 'ZoekMetGeslachtsnaamEnGeboortedatum',
        geslachtsnaam: 'Jacobs',
        geboortedatum: '2010-01-01',
        bsn: 'x',
        fields: ['burgerservicenummer'],
      },
      'bsn',
    ],
  ])('refuses %s with a 400 naming the parameter', async (_, body, name) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.contentType).toBe('application/problem+json');
    const problem = response.answer as { invalidParams: { name: string }[] };
    expect(problem.invalidParams.map((p) => p.name)).toContain(name);
  });

  it('asks for its API key and speaks JSON only', async () => {
    const query = {
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: ['999970008'],
      fields: ['burgerservicenummer'],
    };
    expect((await post(query, { 'x-api-key': 'wrong' })).status).toBe(401);
    const form = await fetch(`${brp.url}/personen`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-api-key': API_KEY },
      body: 'burgerservicenummer=999970008',
    });
    expect(form.status).toBe(415);
  });

  it('verifies youths through the client: birth date, parents, address, municipality, death and confidentiality', async () => {
    const brpClient = client(proxyUrl);
    const [lotte, daan, noah, finn, eva, jesse] = ['Lotte', 'Daan', 'Noah', 'Finn', 'Eva', 'Jesse'].map(named);
    const unknown = '999999990';
    const found = await brpClient.persons(
      [lotte, daan, noah, finn, eva, jesse].map((p) => p.burgerservicenummer).concat(unknown),
      ['verification', 'family', 'address', 'registration_municipality'],
    );
    const byBsn = new Map(found.map((p) => [p.bsn, p]));
    expect(byBsn.has(unknown)).toBe(false);
    expect(byBsn.get(lotte.burgerservicenummer)).toEqual({
      bsn: lotte.burgerservicenummer,
      birthDate: '2012-03-04',
      deceased: false,
      parentBsns: lotte.ouders?.map((o) => o.burgerservicenummer),
      addressId: lotte.verblijfplaats?.adresseerbaarObjectIdentificatie,
      // Postcode without its space, with the house number: as the register of excluded addresses compares it.
      addressPlace: '5911CB 12',
      municipalityCode: '0983',
      confidential: false,
    });
    // Siblings share both parents; a half-brother at another address shares one.
    expect(byBsn.get(daan.burgerservicenummer)?.parentBsns).toEqual(byBsn.get(lotte.burgerservicenummer)?.parentBsns);
    expect(byBsn.get(noah.burgerservicenummer)?.parentBsns).toEqual([lotte.ouders?.[0].burgerservicenummer]);
    expect(byBsn.get(noah.burgerservicenummer)?.addressId).not.toBe(byBsn.get(lotte.burgerservicenummer)?.addressId);
    expect(byBsn.get(finn.burgerservicenummer)?.deceased).toBe(true);
    expect(byBsn.get(eva.burgerservicenummer)?.confidential).toBe(true);
    expect(byBsn.get(jesse.burgerservicenummer)?.addressId).toBeNull();
    expect(byBsn.get(jesse.burgerservicenummer)?.addressPlace).toBeNull();

    // Verification alone asks for no parents or address.
    const [plain] = await brpClient.persons([lotte.burgerservicenummer], ['verification']);
    expect(plain).toMatchObject({ parentBsns: [], addressId: null, municipalityCode: null });
  });

  it('finds a youth by surname and birth date for a reporter without BSN rights: none, one or several', async () => {
    const brpClient = client(proxyUrl);
    const yara = named('Yara');
    await expect(brpClient.search({ surname: 'El Amrani', birthDate: '2011-08-08' })).resolves.toEqual([
      yara.burgerservicenummer,
    ]);
    await expect(brpClient.search({ surname: 'el amrani', birthDate: '2011-08-09' })).resolves.toEqual([]);
    await expect(brpClient.search({ surname: 'Jacobs', birthDate: '2010-01-01' })).resolves.toHaveLength(2);
    // The address makes it unique; a deceased youth is not found.
    const tim = named('Tim');
    await expect(
      brpClient.search({ surname: 'Jacobs', birthDate: '2010-01-01', postcode: '5912 PN', houseNumber: 4 }),
    ).resolves.toEqual([tim.burgerservicenummer]);
    await expect(brpClient.search({ surname: 'Willems', birthDate: '2011-07-19' })).resolves.toEqual([]);
  });

  it('lets the operator check the connection with the CLI, and says why it fails', async () => {
    const ok = await cliWithEnv({ BRP_URL: brp.url, BRP_API_KEY: API_KEY }, 'brp', 'check');
    expect(ok).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^The BRP at http:\S+ answered the check query in \d+ ms/),
    });
    const wrongKey = await cliWithEnv({ BRP_URL: brp.url, BRP_API_KEY: 'wrong' }, 'brp', 'check');
    expect(wrongKey).toMatchObject({ code: 1, stderr: 'The BRP refused the request (HTTP 401).\n' });
    const none = await cliWithEnv({ BRP_URL: '' }, 'brp', 'check');
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining('set BRP_URL') });
    for (const run of [ok, wrongKey, none]) expect(run.stdout + run.stderr).not.toContain('999993653');
  });

  it('reads its persons file again when it changes: a move and a death', async () => {
    const brpClient = client(proxyUrl);
    const milan = named('Milan');
    const changed = demo.map((p) =>
      p.burgerservicenummer === milan.burgerservicenummer
        ? {
            ...p,
            gemeenteVanInschrijving: { code: '0889', omschrijving: 'Beesel' },
            overlijden: { datum: { type: 'Datum', datum: '2026-11-30', langFormaat: '30 november 2026' } },
          }
        : p,
    );
    writeFileSync(personsFile, JSON.stringify({ personen: changed }));
    await waitFor('the local BRP to read the file again', async () => {
      const [now] = await brpClient.persons([milan.burgerservicenummer], ['verification', 'registration_municipality']);
      return now.municipalityCode === '0889' && now.deceased;
    });
    // A half-written file keeps what was loaded.
    writeFileSync(personsFile, '{"personen": [');
    await waitFor('the local BRP to report the broken file', () => brp.logs.some((l) => l.includes('not loaded')));
    const [still] = await brpClient.persons([milan.burgerservicenummer], ['registration_municipality']);
    expect(still.municipalityCode).toBe('0889');
    for (const line of brp.logs) expect(line).not.toContain(milan.burgerservicenummer);
  });

  it('serves the Update API: follows persons, lists the followed ones whose data changed, ends following', async () => {
    const updateSchemas = brpUpdateSchemas();
    const call = async (method: string, path: string, schema: string, body?: object) => {
      const response = await fetch(`${brp.url}${path}`, {
        method,
        headers: { 'x-api-key': API_KEY, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const answer = (await response.json()) as Record<string, unknown>;
      for (const v of updateSchemas(schema, answer)) violations.push(`update ${method} ${path} ${schema}: ${v}`);
      return { status: response.status, contentType: response.headers.get('content-type'), answer };
    };
    const [milan, julia] = [named('Milan'), named('Julia')];
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

    const placed = await call('PUT', `/volgindicaties/${milan.burgerservicenummer}`, 'VolgindicatieRaadplegen', {});
    expect(placed).toMatchObject({
      status: 201,
      contentType: 'application/hal+json',
      answer: { burgerservicenummer: milan.burgerservicenummer, begindatum: today },
    });
    expect(
      (await call('PUT', `/volgindicaties/${milan.burgerservicenummer}`, 'VolgindicatieRaadplegen', {})).status,
    ).toBe(200);
    const list = await call('GET', '/volgindicaties', 'VolgindicatieCollectie');
    expect(list.answer.volgindicaties).toEqual([{ burgerservicenummer: milan.burgerservicenummer, begindatum: today }]);
    expect((await call('GET', '/volgindicaties/12', 'BadRequestFoutbericht')).status).toBe(400);
    expect((await call('GET', `/volgindicaties/${julia.burgerservicenummer}`, 'Foutbericht')).status).toBe(404);
    expect((await call('GET', '/wijzigingen?vanaf=gisteren', 'BadRequestFoutbericht')).status).toBe(400);

    // Milan moves to Beesel and Julia's data changes too; only the followed Milan is reported.
    const moved = demo.map((p) =>
      p.burgerservicenummer === milan.burgerservicenummer
        ? { ...p, gemeenteVanInschrijving: { code: '0889', omschrijving: 'Beesel' } }
        : p.burgerservicenummer === julia.burgerservicenummer
          ? { ...p, naam: { ...p.naam, voornamen: 'Julia Maria' } }
          : p,
    );
    writeFileSync(personsFile, JSON.stringify({ personen: moved }));
    let changes = await call('GET', `/wijzigingen?vanaf=${today}`, 'GewijzigdePersonenHalCollectie');
    expect(changes.answer.burgerservicenummers).toEqual([]);
    await waitFor('the local BRP to report the move', async () => {
      changes = await call('GET', `/wijzigingen?vanaf=${today}`, 'GewijzigdePersonenHalCollectie');
      return (changes.answer.burgerservicenummers as string[]).length > 0;
    });
    expect(changes).toMatchObject({ status: 200, contentType: 'application/hal+json' });
    expect(changes.answer.burgerservicenummers).toEqual([milan.burgerservicenummer]);
    const later = await call('GET', `/wijzigingen?vanaf=${tomorrow}`, 'GewijzigdePersonenHalCollectie');
    expect(later.answer.burgerservicenummers).toEqual([]);

    // Ending the volgindicatie (einddatum today) ends the reports.
    await call('PUT', `/volgindicaties/${milan.burgerservicenummer}`, 'VolgindicatieRaadplegen', { einddatum: today });
    expect((await call('GET', '/volgindicaties', 'VolgindicatieCollectie')).answer.volgindicaties).toEqual([]);
    const ended = await call('GET', `/wijzigingen?vanaf=${today}`, 'GewijzigdePersonenHalCollectie');
    expect(ended.answer.burgerservicenummers).toEqual([]);
  });
});

describe('the BRP client against a gateway that misbehaves', () => {
  let gateway: Server;
  let url: string;
  let hits = 0;
  let answer: (request: IncomingMessage, response: ServerResponse) => void;
  const bsn = '999970021';
  const ok = (personen: unknown[]) => (_: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', personen }));
  };
  const status = (code: number) => (_: IncomingMessage, response: ServerResponse) => {
    response.writeHead(code, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify({ status: code, title: 'fout' }));
  };

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      hits += 1;
      void readBody(request).then(() => answer(request, response));
    });
    url = await listen(gateway);
  });
  afterAll(() => new Promise((resolve) => gateway.close(resolve)));
  beforeEach(() => {
    hits = 0;
  });

  const failure = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BrpError);
    return error as BrpError;
  };

  it('retries a transient failure and then answers, counting the outcome', async () => {
    const metrics = new Metrics('test');
    let calls = 0;
    answer = (request, response) =>
      ((calls += 1) <= 2 ? status(503) : ok([{ burgerservicenummer: bsn }]))(request, response);
    await expect(client(url, {}, metrics).persons([bsn], ['verification'])).resolves.toMatchObject([
      { bsn, birthDate: null },
    ]);
    expect(hits).toBe(3);
    const rendered = await metrics.render();
    expect(rendered).toMatch(/vir_brp_requests_total\{type="RaadpleegMetBurgerservicenummer",outcome="ok"[^}]*\} 1\n/);
    expect(rendered).toMatch(/vir_brp_available\S* 1/);
  });

  it.each([
    ['a BSN of the wrong form', [{ burgerservicenummer: '12' }]],
    ['a BSN not asked for', [{ burgerservicenummer: '999970033' }]],
    [
      'a birth date that is no date',
      [{ burgerservicenummer: bsn, geboorte: { datum: { type: 'Datum', datum: 'gisteren', langFormaat: 'x' } } }],
    ],
    ['parents that are no list', [{ burgerservicenummer: bsn, ouders: { burgerservicenummer: '999970045' } }]],
  ])('refuses an answer with %s, without retrying and without personal data in the log', async (_, personen) => {
    answer = ok(personen);
    const warnings: unknown[] = [];
    const spy = jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((...args: unknown[]) => void warnings.push(args));
    try {
      const error = await failure(client(url).persons([bsn], ['verification', 'family']));
      expect(error.reason).toBe('invalid_answer');
      expect(hits).toBe(1);
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(warnings)).not.toMatch(/\d{9}/);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses an answer that is not JSON, or of another type', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html></html>');
    };
    expect((await failure(client(url).persons([bsn], ['verification']))).reason).toBe('invalid_answer');
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'ZoekMetPostcodeEnHuisnummer', personen: [] }));
    };
    expect((await failure(client(url).persons([bsn], ['verification']))).reason).toBe('invalid_answer');
  });

  it('does not retry a refusal (a configuration problem)', async () => {
    answer = status(403);
    expect((await failure(client(url).persons([bsn], ['verification']))).reason).toBe('refused');
    expect(hits).toBe(1);
  });

  it('gives up on a slow gateway after the timeout of each attempt', async () => {
    answer = (request, response) => setTimeout(() => ok([])(request, response), 1_500);
    const started = Date.now();
    expect((await failure(client(url, { BRP_RETRIES: '1' }).persons([bsn], ['verification']))).reason).toBe(
      'unavailable',
    );
    expect(hits).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_500 * 2);
  });

  it('opens the breaker after repeated failures and stops calling the gateway', async () => {
    answer = status(500);
    const metrics = new Metrics('test');
    const brpClient = client(url, { BRP_RETRIES: '0', BRP_BREAKER_FAILURES: '3' }, metrics);
    for (let i = 0; i < 3; i += 1) await failure(brpClient.persons([bsn], ['verification']));
    expect(brpClient.available).toBe(false);
    expect(await metrics.render()).toMatch(/vir_brp_available\S* 0/);
    const error = await failure(brpClient.persons([bsn], ['verification']));
    expect(error.reason).toBe('unavailable');
    expect(error.message).toContain('circuit open');
    expect(hits).toBe(3);
  });

  it('uses OAuth2 client credentials when configured, one token for many requests', async () => {
    const seen: string[] = [];
    let tokens = 0;
    answer = (request, response) => {
      if (request.url === '/token') {
        tokens += 1;
        expect(request.headers.authorization).toBe(
          `Basic ${Buffer.from('vir:geheim-client-secret').toString('base64')}`,
        );
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ access_token: `token-${tokens}`, token_type: 'Bearer', expires_in: 300 }));
      }
      seen.push(String(request.headers.authorization));
      ok([{ burgerservicenummer: bsn }])(request, response);
    };
    const brpClient = client(url, {
      BRP_TOKEN_URL: `${url}/token`,
      BRP_CLIENT_ID: 'vir',
      BRP_CLIENT_SECRET: 'geheim-client-secret',
    });
    await brpClient.persons([bsn], ['verification']);
    await brpClient.persons([bsn], ['verification']);
    expect(tokens).toBe(1);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1']);
  });

  it('refuses to start with half the client credentials, naming the keys', () => {
    expect(() => client(url, { BRP_TOKEN_URL: `${url}/token` })).toThrow(/BRP_CLIENT_ID: .*set BRP_TOKEN_URL/);
  });
});
