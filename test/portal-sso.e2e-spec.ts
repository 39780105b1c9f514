import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser } from './support/browser';
import { anOrganisation, aPersonOf, TestOrganisation } from './support/factories';
import { IdentityProviderProcess, PortalProcess, startIdentityProvider, startPortalProcess } from './support/processes';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';

const CLIENT = { client_id: 'verwijsindex', client_secret: 'demo-client-secret-0123456789' };

/**
 * Single sign-on with an organisation's own OpenID Connect provider: a real provider process
 * (scripts/demo-idp.mjs), the real portal process and headless Chromium.
 */
describe('portal login through the organisation’s identity provider', () => {
  let api: TestApi;
  let portal: PortalProcess;
  let idp: IdentityProviderProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let care: TestOrganisation;
  const configFile = join(mkdtempSync(join(tmpdir(), 'vir-idp-')), 'idp.json');

  const setAccounts = (accounts: Record<string, { email: string; email_verified: boolean }>) => {
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as object;
    writeFileSync(configFile, JSON.stringify({ ...config, accounts }));
  };

  beforeAll(async () => {
    portal = await startPortalProcess({ OIDC_ALLOW_HTTP: 'true' });
    idp = await startIdentityProvider(configFile, {
      clients: [{ ...CLIENT, redirect_uris: [`${portal.url}/inloggen/sso/terug`] }],
      accounts: {},
    });
    api = await startApi({ OIDC_ALLOW_HTTP: 'true', PORTAL_URL: portal.url });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.kill();
    await idp?.kill();
    await api?.close();
  });
  beforeEach(async () => {
    await api.reset();
    care = await anOrganisation(api, { kind: 'youth_care', professionals: 2 });
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const connect = (organisation: TestOrganisation, issuer = idp.issuer) =>
    api
      .http()
      .put(`/v1/organisations/${organisation.id}/identity-provider`)
      .set(bearer(ADMIN_KEY))
      .send({ issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret });

  const emailOf = async (organisation: TestOrganisation, id: string) => (await aPersonOf(api, organisation, id)).email;

  /** From the portal's login page through the provider's login form; answers the callback URL the browser came back on. */
  const logInThroughProvider = async (organisation: TestOrganisation, login: string): Promise<string> => {
    const callbacks: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/inloggen/sso/terug')) callbacks.push(request.url());
    });
    await page.goto(`${portal.url}/inloggen`);
    // Each step loads a new document: the provider's login form, or (signed in there already) the portal again.
    let loaded = page.waitForEvent('load');
    await page.getByRole('button', { name: `Inloggen met ${organisation.name}` }).click();
    await loaded;
    if (page.url().startsWith(idp.issuer)) {
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill('demo-wachtwoord');
      loaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await loaded;
    }
    return callbacks[callbacks.length - 1];
  };

  it('logs a person in through the provider, bound by a verified e-mail address, and traces it', async () => {
    const connected = await connect(care).expect(200);
    expect(connected.body).toEqual({
      organisationId: care.id,
      issuer: idp.issuer,
      clientId: CLIENT.client_id,
      redirectUri: `${portal.url}/inloggen/sso/terug`,
    });
    const email = await emailOf(care, care.professionalIds[0]);
    setAccounts({ [email]: { email, email_verified: true } });

    await page.goto(`${portal.url}/inloggen`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await logInThroughProvider(care, email);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const me = await context.request.get(`${portal.url}/v1/me`);
    expect(await me.json()).toMatchObject({
      person: { id: care.professionalIds[0] },
      organisation: { id: care.id },
      loginVia: 'oidc',
    });

    const [bound] = await api.dataSource.query(`SELECT issuer, person_id FROM external_identities`);
    expect(bound).toEqual({ issuer: idp.issuer, person_id: care.professionalIds[0] });
    const [login] = await api.dataSource.query(
      `SELECT actor_professional_id, details FROM audit_events WHERE action = 'person.logged-in'`,
    );
    expect(login).toEqual({
      actor_professional_id: care.professionalIds[0],
      details: { method: 'oidc', issuer: idp.issuer },
    });
    // The client secret is kept sealed: it is not in the row.
    const [stored] = await api.dataSource.query(`SELECT client_secret FROM identity_providers`);
    expect((stored.client_secret as Buffer).toString('utf8')).not.toContain(CLIENT.client_secret);
  });

  it('refuses a replayed callback, a replayed code with a fresh state, and a forged state', async () => {
    await connect(care).expect(200);
    const email = await emailOf(care, care.professionalIds[0]);
    setAccounts({ [email]: { email, email_verified: true } });
    const first = await logInThroughProvider(care, email);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();

    const replayed = await page.goto(first);
    expect(replayed!.status()).toBe(401);
    await page.getByText('Deze inlogpoging is verlopen of al gebruikt').waitFor();

    // A new login of this browser, stopped on its way back: the callback the provider would send it to.
    const freshCallback = async (): Promise<URL> => {
      let next = `${portal.url}/inloggen/sso/${care.id}`;
      while (!next.includes('/inloggen/sso/terug')) {
        const hop = await context.request.get(next, { maxRedirects: 0 });
        next = new URL(hop.headers().location, next).href;
      }
      return new URL(next);
    };
    const oldCode = new URL(first).searchParams.get('code') as string;
    const withOldCode = await freshCallback();
    withOldCode.searchParams.set('code', oldCode);
    await page.goto(withOldCode.href);
    await page.getByText('Het inlogsysteem van uw organisatie gaf een antwoord dat niet klopt').waitFor();

    const forged = await freshCallback();
    forged.searchParams.set('state', 'vervalst');
    await page.goto(forged.href);
    await page.getByText('Deze inlogpoging is verlopen of al gebruikt').waitFor();
    expect((await context.request.get(`${portal.url}/v1/me`)).status()).toBe(401);

    const reasons = await api.dataSource.query<{ reason: string }[]>(
      `SELECT details->>'reason' AS reason FROM audit_events WHERE action = 'person.login-failed' ORDER BY id`,
    );
    expect(reasons.map((r) => r.reason)).toEqual(['state', 'provider', 'state']);
  });

  it('refuses an unverified e-mail address, a stranger and a provider that names another issuer', async () => {
    await connect(care).expect(200);
    const unverified = await emailOf(care, care.professionalIds[1]);
    setAccounts({
      [unverified]: { email: unverified, email_verified: false },
      'onbekend@example.org': { email: 'onbekend@example.org', email_verified: true },
    });
    await logInThroughProvider(care, unverified);
    await page.getByText('Uw organisatie heeft uw e-mailadres niet bevestigd').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await context.clearCookies();
    await logInThroughProvider(care, 'onbekend@example.org');
    await page.getByText('U bent (nog) niet aangemeld bij de verwijsindex').waitFor();
    expect(await api.dataSource.query(`SELECT * FROM external_identities`)).toEqual([]);

    // The discovery document of this address names 127.0.0.1, not localhost: refused before any login.
    const other = await anOrganisation(api, { kind: 'education' });
    await connect(other, idp.issuer.replace('127.0.0.1', 'localhost')).expect(200);
    await page.goto(`${portal.url}/inloggen`);
    await page.getByRole('button', { name: `Inloggen met ${other.name}` }).click();
    await page.getByText('Het inlogsysteem van uw organisatie is nu niet bereikbaar').waitFor();
  });

  it('lets only the college’s administrator set, read and remove a provider, and never shows its secret', async () => {
    const coordinator = (
      await api
        .http()
        .post(`/v1/organisations/${care.id}/credentials`)
        .set(bearer(ADMIN_KEY))
        .send({ scopes: ['contact-details'] })
        .expect(201)
    ).body.secret as string;
    await api
      .http()
      .put(`/v1/organisations/${care.id}/identity-provider`)
      .set(bearer(coordinator))
      .send({ issuer: idp.issuer, clientId: 'x', clientSecret: 'y' })
      .expect(403);
    const bad = await api
      .http()
      .put(`/v1/organisations/${care.id}/identity-provider`)
      .set(bearer(ADMIN_KEY))
      .send({ issuer: 'geen adres', clientId: 'x', clientSecret: 'y' })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'issuer' })]);
    await api.http().get(`/v1/organisations/${care.id}/identity-provider`).set(bearer(ADMIN_KEY)).expect(404);

    await connect(care).expect(200);
    const read = await api
      .http()
      .get(`/v1/organisations/${care.id}/identity-provider`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    expect(JSON.stringify(read.body)).not.toContain(CLIENT.client_secret);
    await page.goto(`${portal.url}/inloggen`);
    await page.getByRole('button', { name: `Inloggen met ${care.name}` }).waitFor();

    await api.http().delete(`/v1/organisations/${care.id}/identity-provider`).set(bearer(ADMIN_KEY)).expect(204);
    await page.goto(`${portal.url}/inloggen`);
    expect(await page.getByRole('button', { name: `Inloggen met ${care.name}` }).count()).toBe(0);
    const actions = await api.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE action LIKE 'organisation.identity-provider-%' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'organisation.identity-provider-set',
      'organisation.identity-provider-removed',
    ]);
  });
});
