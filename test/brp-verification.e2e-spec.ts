import { copyFileSync, mkdtempSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { anOrganisation, TestOrganisation } from './support/factories';
import { enrol, expectAccessible, logIn } from './support/portal-people';
import {
  LocalBrpProcess,
  PortalProcess,
  ROOT,
  startLocalBrp,
  startPortalProcess,
  startWorker,
  waitFor,
  WorkerProcess,
} from './support/processes';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, countRows, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

const API_KEY = 'local-brp-verification-key-0123';
const LOTTE = { bsn: '999993653', birthDate: '2012-03-04' };
const MILAN = { bsn: '999970082', birthDate: '2010-02-11' };
const FINN_DECEASED = { bsn: '999970112', birthDate: '2011-07-19' };

type Mode = 'up' | 'down' | 'malformed' | 'off-spec';

/**
 * Between the index and the local BRP: passes requests on while `up`, answers 503 while `down`, and
 * while `malformed` or `off-spec` answers 200 with a body that is not JSON, or JSON the Personen API
 * specification does not allow (a birth date as a number). Both the api and the worker ask through it.
 */
async function brpGateway(target: string): Promise<{ url: string; mode: Mode; server: Server }> {
  const state = { url: '', mode: 'up' as Mode, server: undefined as unknown as Server };
  state.server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (state.mode === 'down') return response.writeHead(503).end();
      if (state.mode === 'malformed')
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":');
      if (state.mode === 'off-spec') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { burgerservicenummer: string[] };
        return response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            type: 'RaadpleegMetBurgerservicenummer',
            personen: body.burgerservicenummer.map((bsn) => ({
              burgerservicenummer: bsn,
              geboorte: { datum: 20120304 },
            })),
          }),
        );
      }
      void fetch(`${target}${request.url}`, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

/**
 * Registrations verified in the BRP (Jw 7.1.4.2, 7.1.2.3(1)(a); domain rule 6): the real api and
 * worker against the project's local BRP over HTTP. A youth the BRP does not confirm is refused with
 * a stable code and nothing is stored; during an outage nothing is lost — the registration waits,
 * is verified when the BRP answers again and only then matched, or ends and its registrant is told.
 */
describe('registrations verified in the BRP', () => {
  let brp: LocalBrpProcess;
  let gateway: Awaited<ReturnType<typeof brpGateway>>;
  let api: TestApi;
  let worker: WorkerProcess;
  let portal: PortalProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let school: TestOrganisation;
  let police: TestOrganisation;
  const registrations = () => countRows(api.dataSource, 'registrations');

  beforeAll(async () => {
    const personsFile = join(mkdtempSync(join(tmpdir(), 'brp-verification-')), 'persons.json');
    copyFileSync(join(ROOT, 'scripts/local-brp.personas.json'), personsFile);
    brp = await startLocalBrp(personsFile, { BRP_DEV_API_KEY: API_KEY });
    gateway = await brpGateway(brp.url);
    const brpSettings = {
      BRP_URL: gateway.url,
      BRP_API_KEY: API_KEY,
      BRP_TIMEOUT_MS: '2000',
      BRP_RETRIES: '1',
      BRP_BREAKER_FAILURES: '3',
      BRP_BREAKER_RESET_MS: '500',
    };
    smtp = await startSmtpSink();
    portal = await startPortalProcess(brpSettings);
    api = await startApi({ ...brpSettings, SMTP_URL: smtp.url, PORTAL_URL: portal.url });
    await api.reset();
    worker = await startWorker({ ...brpSettings, BRP_VERIFY_INTERVAL_MS: '500' });
    ({ browser, close: closeBrowser } = await launchBrowser());
    school = await anOrganisation(api, { kind: 'education', scopes: ['registrations', 'signals'] });
    police = await anOrganisation(api, { kind: 'police_and_justice', scopes: ['registrations', 'signals'] });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await worker?.kill();
    await portal?.kill();
    await api?.close();
    await smtp?.close();
    await new Promise((resolve) => gateway?.server.close(resolve));
    await brp?.kill();
  });
  afterEach(() => {
    gateway.mode = 'up';
  });

  /** After an outage the api's breaker lets a request through again after BRP_BREAKER_RESET_MS: poke it until it does. */
  const brpBackUp = () =>
    waitFor('the api to call the BRP again', async () => {
      await register(school, LOTTE);
      const ready = await api.http().get('/health/ready').expect(200);
      return ready.body.details.brp?.status === 'up';
    });

  const register = (org: TestOrganisation, youth: object) =>
    api
      .http()
      .post('/v1/registrations')
      .set(bearer(org.secret))
      .send({ professionalId: org.professionalIds[0], youth });

  it('verifies a youth the BRP knows, alive and under 23 with the same birth date', async () => {
    const answer = await register(school, LOTTE).expect(201);
    expect(answer.body).toMatchObject({ status: 'active', verification: 'verified' });
    const shown = await api.http().get(`/v1/registrations/${answer.body.id}`).set(bearer(school.secret)).expect(200);
    expect(shown.body.verification).toBe('verified');
    const [audit] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'registration.created' AND object_id = $1`,
      [answer.body.id],
    );
    expect(audit.details).toMatchObject({ verification: 'verified' });
  });

  it.each([
    ['a BSN the BRP does not know', { bsn: aBsn(), birthDate: bornYearsAgo(12) }, 'YOUTH_NOT_IN_BRP', 'youth.bsn'],
    ['a deceased youth', FINN_DECEASED, 'YOUTH_DECEASED', 'youth.bsn'],
    [
      'a birth date the BRP does not have',
      { ...LOTTE, birthDate: '2012-03-05' },
      'BIRTH_DATE_MISMATCH',
      'youth.birthDate',
    ],
  ])('refuses %s with a stable code and stores nothing', async (_what, youth, code, field) => {
    const before = await registrations();
    const outbox = await countRows(api.dataSource, 'outbox');
    const answer = await register(police, youth).expect(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
    expect(await registrations()).toBe(before);
    expect(await countRows(api.dataSource, 'outbox')).toBe(outbox);
    expect(await countRows(api.dataSource, 'registration_verifications')).toBe(0);
  });

  it('does not ask the BRP about a youth without a BSN (verwijsindexservicenummer)', async () => {
    const answer = await register(school, { surname: 'De Vries', birthDate: bornYearsAgo(13), sex: 'V' }).expect(201);
    expect(answer.body.verification).toBe('not_checked');
  });

  it('loses nothing while the BRP is down: accepted as awaiting verification, matched once it answers', async () => {
    gateway.mode = 'down';
    const first = await register(school, MILAN).expect(201);
    const second = await register(police, MILAN).expect(201);
    for (const answer of [first, second]) expect(answer.body.verification).toBe('awaiting_verification');

    // Held with its BSN sealed, never in plain text; not announced to matching.
    const held: { bsn_sealed: Buffer }[] = await api.dataSource.query(
      `SELECT bsn_sealed FROM registration_verifications WHERE registration_id = ANY($1::uuid[])`,
      [[first.body.id, second.body.id]],
    );
    expect(held).toHaveLength(2);
    for (const row of held) expect(row.bsn_sealed.toString('latin1')).not.toContain(MILAN.bsn);
    expect(
      await api.dataSource.query(`SELECT 1 FROM outbox WHERE payload->>'registrationId' = ANY($1::text[])`, [
        [first.body.id, second.body.id],
      ]),
    ).toEqual([]);

    // The api's breaker opened after repeated failures: readiness says so, and stays 200.
    await register(school, LOTTE).expect(200);
    const ready = await api.http().get('/health/ready').expect(200);
    expect(ready.body.details.brp).toMatchObject({ status: 'degraded', awaitingVerification: 2 });
    await waitUntilSettled(api.dataSource);
    expect(await countRows(api.dataSource, 'matches')).toBe(0);

    gateway.mode = 'up';
    await waitFor('the worker to verify both', async () => {
      const rows: { verification: string }[] = await api.dataSource.query(
        `SELECT verification FROM registrations WHERE id = ANY($1::uuid[])`,
        [[first.body.id, second.body.id]],
      );
      return rows.every((r) => r.verification === 'verified');
    });
    await waitUntilSettled(api.dataSource);
    expect(await countRows(api.dataSource, 'registration_verifications')).toBe(0);
    // Verified later, they keep the youth's address as the registration statement would (its keys only).
    const addresses: { address_key: Buffer }[] = await api.dataSource.query(
      `SELECT address_key FROM registration_addresses WHERE registration_id = ANY($1::uuid[])`,
      [[first.body.id, second.body.id]],
    );
    expect(addresses).toHaveLength(2);
    expect(addresses[0].address_key.equals(addresses[1].address_key)).toBe(true);
    const inbox = await api.http().get('/v1/signals').set(bearer(police.secret)).expect(200);
    expect(inbox.body.items.map((s: { kind: string }) => s.kind)).toContain('match');
    const verified = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'registration.verified' AND object_id = ANY($1::uuid[])`,
      [[first.body.id, second.body.id]],
    );
    expect(verified[0].n).toBe(2);
    await brpBackUp();
    const again = await api.http().get('/health/ready').expect(200);
    expect(again.body.details.brp).toMatchObject({ status: 'up', awaitingVerification: 0 });
  });

  it('ends a waiting registration the BRP then does not confirm, and signals its registrant', async () => {
    gateway.mode = 'down';
    const unknown = { bsn: aBsn(), birthDate: bornYearsAgo(15) };
    const answer = await register(police, unknown).expect(201);
    expect(answer.body.verification).toBe('awaiting_verification');

    gateway.mode = 'up';
    await waitFor('the worker to end it', async () => {
      const shown = await api.http().get(`/v1/registrations/${answer.body.id}`).set(bearer(police.secret));
      return shown.body.status === 'removed';
    });
    const shown = await api.http().get(`/v1/registrations/${answer.body.id}`).set(bearer(police.secret)).expect(200);
    expect(shown.body).toMatchObject({ status: 'removed', removalReason: 'unverified' });
    const [row] = await api.dataSource.query(`SELECT youth_key FROM registrations WHERE id = $1`, [answer.body.id]);
    expect(row.youth_key).toBeNull();
    expect(
      await api.dataSource.query(`SELECT 1 FROM registration_verifications WHERE registration_id = $1`, [
        answer.body.id,
      ]),
    ).toEqual([]);

    const inbox = await api.http().get('/v1/signals').set(bearer(police.secret)).expect(200);
    const signal = inbox.body.items.find((s: { kind: string }) => s.kind === 'unverified');
    expect(signal).toMatchObject({
      registrationId: answer.body.id,
      recipientProfessionalId: police.professionalIds[0],
      matchId: null,
      involved: [],
    });
    // Nobody else hears of it.
    const others = await api.http().get('/v1/signals').set(bearer(school.secret)).expect(200);
    expect(others.body.items.map((s: { kind: string }) => s.kind)).not.toContain('unverified');
  });

  it.each(['malformed', 'off-spec'] as const)(
    'accepts a registration when the BRP answers %s: awaiting verification, never a 5xx, nothing personal logged',
    async (mode) => {
      gateway.mode = mode;
      const youth = { bsn: '999970094', birthDate: '2013-04-25' };
      const answer = await register(school, youth).expect(201);
      expect(answer.body.verification).toBe('awaiting_verification');
      expect(api.logs.join('\n')).toContain('invalid');
      expect(api.logs.join('\n')).not.toContain(youth.bsn);

      gateway.mode = 'up';
      await waitFor('the worker to verify it', async () => {
        const shown = await api.http().get(`/v1/registrations/${answer.body.id}`).set(bearer(school.secret));
        return shown.body.verification === 'verified';
      });
      expect(worker.logs.join('\n')).not.toContain(youth.bsn);
      await api
        .http()
        .post(`/v1/registrations/${answer.body.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ professionalId: school.professionalIds[0], reason: 'unjustified' })
        .expect(200);
    },
  );

  it('withdraws a registration awaiting verification and drops its sealed BSN', async () => {
    gateway.mode = 'down';
    const answer = await register(school, { bsn: '999970100', birthDate: '2006-12-01' }).expect(201);
    expect(answer.body.verification).toBe('awaiting_verification');
    await api
      .http()
      .post(`/v1/registrations/${answer.body.id}/withdrawal`)
      .set(bearer(school.secret))
      .send({ professionalId: school.professionalIds[0], reason: 'risk_gone' })
      .expect(200);
    expect(
      await api.dataSource.query(`SELECT 1 FROM registration_verifications WHERE registration_id = $1`, [
        answer.body.id,
      ]),
    ).toEqual([]);
  });

  describe('a reporter without BSN rights', () => {
    let care: TestOrganisation;

    beforeAll(async () => {
      care = await anOrganisation(api, { kind: 'youth_care' });
      const updated = await api
        .http()
        .patch(`/v1/organisations/${care.id}`)
        .set(bearer(ADMIN_KEY))
        .send({ usesBsn: false })
        .expect(200);
      expect(updated.body.usesBsn).toBe(false);
    });
    beforeEach(() => brpBackUp());

    it('is refused a BSN, known or not, before the BRP is asked, and nothing is stored', async () => {
      const before = await registrations();
      for (const youth of [LOTTE, { bsn: aBsn(), birthDate: bornYearsAgo(12) }]) {
        const answer = await register(care, youth).expect(422);
        expect(answer.body).toMatchObject({
          code: 'BSN_NOT_ALLOWED',
          errors: [expect.objectContaining({ field: 'youth.bsn' })],
        });
      }
      expect(await registrations()).toBe(before);
    });

    it('registers by surname and birth date: the index finds the youth in the BRP and never shows the BSN', async () => {
      await register(school, LOTTE); // 200 or 201: the school has (had) a registration of Lotte
      const answer = await register(care, { surname: 'Peeters', birthDate: LOTTE.birthDate }).expect(201);
      expect(answer.body.verification).toBe('verified');
      expect(JSON.stringify(answer.body)).not.toContain(LOTTE.bsn);
      const shown = await api.http().get(`/v1/registrations/${answer.body.id}`).set(bearer(care.secret)).expect(200);
      expect(JSON.stringify(shown.body)).not.toContain(LOTTE.bsn);
      // The same youth as the school's registration by BSN: a match, reported through signals.
      await waitUntilSettled(api.dataSource);
      const inbox = await api.http().get('/v1/signals').set(bearer(care.secret)).expect(200);
      expect(inbox.body.items.some((s: { matchKind: string }) => s.matchKind === 'same_youth')).toBe(true);
      expect(JSON.stringify(inbox.body)).not.toContain(LOTTE.bsn);
      expect(api.logs.join('\n')).not.toContain(LOTTE.bsn);
    });

    it('says when nobody fits, and when more than one does — without saying who — and takes postcode and house number', async () => {
      const before = await registrations();
      const none = await register(care, { surname: 'Pietersen', birthDate: '2012-03-04' }).expect(422);
      expect(none.body.code).toBe('YOUTH_NOT_FOUND');
      const several = await register(care, { surname: 'Jacobs', birthDate: '2010-01-01' }).expect(422);
      expect(several.body).toMatchObject({
        code: 'YOUTH_NOT_UNIQUE',
        errors: [expect.objectContaining({ field: 'youth.postcode' })],
      });
      for (const body of [none.body, several.body])
        for (const bsn of ['999970173', '999970185']) expect(JSON.stringify(body)).not.toContain(bsn);
      expect(await registrations()).toBe(before);
      const one = await register(care, {
        surname: 'Jacobs',
        birthDate: '2010-01-01',
        postcode: '5912 PN',
        houseNumber: 4,
      }).expect(201);
      expect(JSON.stringify(one.body)).not.toContain('999970173');
      await register(care, { surname: 'Jacobs', birthDate: '2010-01-01', postcode: '5912PN' }).expect(400);
    });

    it('answers 503 with Retry-After when the BRP does not answer the search, and stores nothing', async () => {
      gateway.mode = 'down';
      const before = await registrations();
      const answer = await register(care, { surname: 'Hendriks', birthDate: '2013-04-25' }).expect(503);
      expect(answer.body.code).toBe('BRP_UNAVAILABLE');
      expect(answer.headers['retry-after']).toBeDefined();
      expect(await registrations()).toBe(before);
    });
  });

  describe('in the portal', () => {
    let page: Page;

    beforeAll(async () => {
      const context = await browser.newContext();
      page = await context.newPage();
      const who = await enrol(api, smtp, page, school, school.professionalIds[0]);
      await logIn(page, portal.url, who);
    });

    const fillIn = async (youth: { bsn: string; birthDate: string }) => {
      await page.goto(`${portal.url}/meldingen/nieuw`);
      await page.getByLabel('BSN').fill(youth.bsn);
      await page.getByLabel('Geboortedatum').fill(youth.birthDate);
      await page.getByLabel(/artikel 7\.1\.4\.1 Jeugdwet/).check();
      await page.getByLabel(/weet van de melding/).check();
      await page.getByRole('button', { name: 'Melding maken' }).click();
    };

    it('says beside the field what the BRP does not confirm, keeps what was typed, and stores nothing', async () => {
      const before = await registrations();
      const unknown = aBsn();
      await fillIn({ bsn: unknown, birthDate: bornYearsAgo(11) });
      expect(await page.locator('#veld-bsn-fout').textContent()).toMatch(/De BRP kent geen persoon met dit BSN/);
      expect(await page.getByLabel('BSN').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('BSN').inputValue()).toBe(unknown);
      await expectAccessible(page);

      await fillIn({ ...LOTTE, birthDate: '2012-04-03' });
      expect(await page.locator('#veld-birthDate-fout').textContent()).toMatch(/hoort volgens de BRP niet bij dit BSN/);
      await fillIn(FINN_DECEASED);
      expect(await page.locator('#veld-bsn-fout').textContent()).toMatch(/overleden/);
      expect(await registrations()).toBe(before);
    });

    it('accepts a registration while the BRP is down, and shows the signal when the BRP then does not confirm it', async () => {
      gateway.mode = 'down';
      await fillIn({ bsn: aBsn(), birthDate: bornYearsAgo(16) });
      await page.getByText('Uw melding staat in de verwijsindex.').waitFor();
      expect(await page.textContent('main')).toContain('De BRP kon de jongere nu niet bevestigen');
      await expectAccessible(page);

      gateway.mode = 'up';
      await waitFor('the worker to end it', async () => {
        const [row] = await api.dataSource.query(
          `SELECT count(*)::int AS n FROM signals WHERE kind = 'unverified' AND recipient_professional_id = $1`,
          [school.professionalIds[0]],
        );
        return row.n === 1;
      });
      await page.goto(`${portal.url}/signalen`);
      await page.getByRole('link', { name: /niet bevestigd door de BRP/ }).click();
      expect(await page.textContent('main')).toContain('daarom is de melding verwijderd');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'De verwijderde melding' }).click();
      expect(await page.textContent('main')).toContain('de BRP heeft de jongere niet bevestigd');
      await expectAccessible(page);
    });

    it('lets a professional without BSN rights register by name, with the mistakes beside the fields', async () => {
      const care = await anOrganisation(api, { kind: 'youth_care' });
      await api
        .http()
        .patch(`/v1/organisations/${care.id}`)
        .set(bearer(ADMIN_KEY))
        .send({ usesBsn: false })
        .expect(200);
      const context = await browser.newContext();
      const own = await context.newPage();
      await logIn(own, portal.url, await enrol(api, smtp, own, care, care.professionalIds[0]));
      const fillByName = async (youth: Record<string, string>) => {
        await own.goto(`${portal.url}/meldingen/nieuw`);
        for (const [label, value] of Object.entries(youth)) await own.getByLabel(label, { exact: true }).fill(value);
        await own.getByLabel(/artikel 7\.1\.4\.1 Jeugdwet/).check();
        await own.getByLabel(/weet van de melding/).check();
        await own.getByRole('button', { name: 'Melding maken' }).click();
      };
      await brpBackUp();
      await fillByName({ BSN: LOTTE.bsn, Geboortedatum: LOTTE.birthDate });
      expect(await own.locator('#veld-bsn-fout').textContent()).toMatch(/mag het BSN niet gebruiken/);
      await fillByName({ Geboortedatum: '2010-01-01', Achternaam: 'Jacobs' });
      expect(await own.locator('#veld-postcode-fout').textContent()).toMatch(/postcode en het huisnummer/);
      await expectAccessible(own);
      await fillByName({ Geboortedatum: '2010-01-01', Achternaam: 'Jacobs', Postcode: '5921 EH', Huisnummer: '8' });
      await own.getByText('Uw melding staat in de verwijsindex.').waitFor();
      expect(await own.textContent('body')).not.toContain('999970185');
      await expectAccessible(own);
      await context.close();
    });
  });
});
