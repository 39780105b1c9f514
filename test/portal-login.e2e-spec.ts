import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, reflows } from './support/browser';
import { anOrganisation, TestOrganisation } from './support/factories';
import { cliWithEnv, PortalProcess, startPortalProcess, waitFor } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { bearer, startApi, TestApi } from './support/test-api';
import {
  activate as activateAccount,
  enrol as enrolPerson,
  Enrolled,
  expectAccessible as expectAccessibleOn,
  invitationLink,
  logIn as logInOn,
  nextCode,
  PASSWORD,
  submitPassword as submitPasswordOn,
} from './support/portal-people';
import { ADMIN_KEY } from './support/test-config';

describe('portal login (headless Chromium)', () => {
  let api: TestApi;
  let portal: PortalProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let school: TestOrganisation;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    portal = await startPortalProcess();
    api = await startApi({ SMTP_URL: smtp.url, PORTAL_URL: portal.url });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.kill();
    await api?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await api.reset();
    school = await anOrganisation(api, { kind: 'education', professionals: 2 });
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const invite = (organisation: TestOrganisation, id: string, key = ADMIN_KEY) =>
    invitationLink(api, smtp, organisation, id, key);
  const expectAccessible = () => expectAccessibleOn(page);
  const enrol = (organisation: TestOrganisation, id: string, key = ADMIN_KEY) =>
    enrolPerson(api, smtp, page, organisation, id, key);
  const activate = (link: string) => activateAccount(page, link);
  const submitPassword = (email: string, password: string) => submitPasswordOn(page, portal.url, email, password);
  const logIn = (who: Enrolled, code?: string) => logInOn(page, portal.url, who, code);

  const auditActions = async (personId: string): Promise<string[]> =>
    (
      await api.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE object_id = $1 AND action LIKE 'person.%' ORDER BY id`,
        [personId],
      )
    ).map((row) => row.action);

  it('lets an invited person set a password and TOTP, log in with a code, see their name and log out', async () => {
    const who = await enrol(school, school.professionalIds[0]);
    expect(who.recoveryCodes).toHaveLength(10);

    await submitPassword(who.email, PASSWORD);
    await expect(page.title()).resolves.toBe('Verificatiecode — Verwijsindex');
    await expectAccessible();
    await page.getByLabel('Verificatiecode').fill(nextCode(who.secret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(await page.locator('header').textContent()).toContain(`Ingelogd als ${who.name}`);
    expect(await page.textContent('main')).toContain(`Welkom, ${who.name}.`);
    await expectAccessible();

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'vir-sessie')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await context.request.get(`${portal.url}/v1/me`);
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      kind: 'person',
      person: { id: who.personId, name: who.name },
      organisation: { id: school.id },
      municipalityCode: '0983',
      roles: ['professional'],
    });

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    expect((await context.request.get(`${portal.url}/v1/me`)).status()).toBe(401);
    expect(await auditActions(who.personId)).toEqual([
      'person.invited',
      'person.enrolled',
      'person.logged-in',
      'person.logged-out',
    ]);
    const [login] = await api.dataSource.query(
      `SELECT actor_professional_id, actor_organisation_id, municipality_code FROM audit_events WHERE action = 'person.logged-in'`,
    );
    expect(login).toEqual({
      actor_professional_id: who.personId,
      actor_organisation_id: school.id,
      municipality_code: '0983',
    });
  });

  it('says beside the field that a password or a code is wrong, keeps the e-mail address, and traces both', async () => {
    const who = await enrol(school, school.professionalIds[0]);
    await submitPassword(who.email, 'niet het goede wachtwoord');
    const password = page.getByLabel('Wachtwoord');
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.locator('#veld-password-fout').textContent()).toBe(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
    await expect(page.getByLabel('E-mailadres').inputValue()).resolves.toBe(who.email);
    await expectAccessible();

    await submitPassword('niemand@example.org', PASSWORD);
    expect(await page.locator('#veld-password-fout').textContent()).toBe(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );

    await submitPassword(who.email, PASSWORD);
    await page.getByLabel('Verificatiecode').fill('000000');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await page.locator('#veld-code-fout').textContent()).toContain('Deze code klopt niet');
    await expectAccessible();
    expect(await auditActions(who.personId)).toEqual([
      'person.invited',
      'person.enrolled',
      'person.login-failed',
      'person.login-failed',
    ]);
    const [unknown] = await api.dataSource.query(
      `SELECT object_id, details FROM audit_events WHERE action = 'person.login-failed' AND object_id IS NULL`,
    );
    expect(unknown).toEqual({ object_id: null, details: { step: 'password', reason: 'unknown-account' } });
  });

  it('locks an account after five failures in a row, refusing even the right password until the lock ends', async () => {
    const who = await enrol(school, school.professionalIds[0]);
    for (let i = 0; i < 4; i += 1) await submitPassword(who.email, `fout wachtwoord ${i}`);
    await submitPassword(who.email, 'nog een keer fout');
    await page.getByText('Uw account is tijdelijk geblokkeerd').waitFor();
    await submitPassword(who.email, PASSWORD);
    await page.getByText('Uw account is tijdelijk geblokkeerd').waitFor();
    expect(await page.getByLabel('Verificatiecode').count()).toBe(0);
    expect((await auditActions(who.personId)).filter((a) => a === 'person.locked-out')).toHaveLength(1);

    await api.dataSource.query(`UPDATE accounts SET locked_until = now() - interval '1 second'`);
    await logIn(who);
  });

  it('opens an account only through the newest invitation link, once, and not after it expired', async () => {
    const id = school.professionalIds[0];
    const first = await invite(school, id);
    const second = await invite(school, id);
    const gone = async (link: string) => {
      const response = await page.goto(link);
      expect(response!.status()).toBe(410);
      await page.getByText('Deze uitnodiging is verlopen of al gebruikt').waitFor();
    };
    await gone(first);
    await page.goto(second);
    await expect(page.getByTestId('totp-secret').count()).resolves.toBe(1);

    await api.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    await gone(second);
    await expectAccessible();

    const who = await enrol(school, id);
    const again = await invite(school, id);
    await page.goto(again);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('te kort');
    await page.getByLabel('Herhaal het wachtwoord').fill('te kort');
    await page.getByLabel('Verificatiecode').fill('123456');
    await page.getByRole('button', { name: 'Account activeren' }).click();
    expect(await page.locator('#veld-password-fout').textContent()).toBe('Kies een wachtwoord van minstens 12 tekens.');
    // Nothing changed: the enrolled password still opens the account.
    await logIn(who);
  });

  it('lets a coordinator invite the own organisation’s people, and nobody else’s', async () => {
    const coordinatorKey = (
      await api
        .http()
        .post(`/v1/organisations/${school.id}/credentials`)
        .set(bearer(ADMIN_KEY))
        .send({ scopes: ['contact-details'] })
        .expect(201)
    ).body.secret as string;
    await invite(school, school.professionalIds[1], coordinatorKey);
    const other = await anOrganisation(api, { kind: 'youth_care' });
    const refused = await api
      .http()
      .post(`/v1/organisations/${other.id}/professionals/${other.professionalIds[0]}/invitation`)
      .set(bearer(coordinatorKey))
      .expect(404);
    expect(refused.body.code).toBe('ORGANISATION_NOT_FOUND');
    await api
      .http()
      .post(`/v1/organisations/${school.id}/professionals/${other.professionalIds[0]}/invitation`)
      .set(bearer(ADMIN_KEY))
      .expect(404);
    await api
      .http()
      .post(`/v1/organisations/${school.id}/professionals/${school.professionalIds[0]}/invitation`)
      .set(bearer(school.secret))
      .expect(403);
  });

  it('answers GET /v1/me on the api for a machine credential, and keeps administration apart from casework', async () => {
    const me = await api.http().get('/v1/me').set(bearer(school.secret)).expect(200);
    expect(me.body).toEqual({
      kind: 'credential',
      credential: { id: expect.any(String) },
      organisation: { id: school.id, kind: 'education' },
      municipalityCode: '0983',
      scopes: ['registrations', 'signals'],
    });
    await api.http().get('/v1/me').expect(401);
    const gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0 });
    const refused = await api
      .http()
      .post(`/v1/organisations/${gemeente.id}/credentials`)
      .set(bearer(ADMIN_KEY))
      .send({ scopes: ['admin', 'registrations'] })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'ADMIN_SCOPE_COMBINED', errors: [{ field: 'scopes' }] });
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const who = await enrol(school, school.professionalIds[0]);
    const forged = await context.request.post(`${portal.url}/inloggen`, {
      form: { email: who.email, password: PASSWORD },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Dit formulier is verlopen of kwam niet van deze site');
    expect((await context.cookies()).some((c) => c.name === 'vir-sessie')).toBe(false);

    await logIn(who);
    const logout = await context.request.post(`${portal.url}/uitloggen`, {
      form: { csrf: 'x'.repeat(43) },
      maxRedirects: 0,
    });
    expect(logout.status()).toBe(403);
    expect((await context.request.get(`${portal.url}/v1/me`)).status()).toBe(200);
  });

  it('ends a session after 15 quiet minutes, 10 hours after login, and at once when the person is deactivated', async () => {
    const who = await enrol(school, school.professionalIds[0]);
    const expired = async (reason: string) => {
      await page.goto(portal.url);
      await page.getByText('Uw sessie is verlopen. Log opnieuw in.').waitFor();
      expect(page.url()).toBe(`${portal.url}/inloggen?verlopen=1`);
      const [row] = await api.dataSource.query(
        `SELECT end_reason FROM sessions WHERE person_id = $1 AND stage = 'active' ORDER BY ended_at DESC NULLS LAST LIMIT 1`,
        [who.personId],
      );
      expect(row.end_reason).toBe(reason);
    };

    await logIn(who);
    await api.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - interval '16 minutes' WHERE ended_at IS NULL`,
    );
    await expired('idle_timeout');

    // A recovery code opens the account once; the same code a second time does not.
    await logIn(who, who.recoveryCodes[0]);
    expect(await auditActions(who.personId)).toContain('person.recovery-code-used');
    await api.dataSource.query(
      `UPDATE sessions SET created_at = now() - interval '10 hours 1 minute' WHERE ended_at IS NULL`,
    );
    await expired('absolute_timeout');
    await submitPassword(who.email, PASSWORD);
    await page.getByLabel('Verificatiecode').fill(who.recoveryCodes[0]);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.locator('#veld-code-fout').waitFor();

    await logIn(who, who.recoveryCodes[1]);
    await api
      .http()
      .delete(`/v1/organisations/${school.id}/professionals/${who.personId}`)
      .set(bearer(ADMIN_KEY))
      .expect((response) => expect(response.status).toBeLessThan(300));
    await expired('person_inactive');
    await submitPassword(who.email, PASSWORD);
    expect(await page.locator('#veld-password-fout').textContent()).toBe(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
  });

  it('works by keyboard alone and reflows at 320 CSS pixels', async () => {
    const who = await enrol(school, school.professionalIds[0]);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${portal.url}/inloggen`);
    expect(await reflows(page)).toBe(true);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    await page.keyboard.type(who.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByLabel('Verificatiecode').waitFor();
    expect(await reflows(page)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(nextCode(who.secret));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(await reflows(page)).toBe(true);
    await expectAccessible();
  });

  it('lets the operator connect a college through the API, whose first administrator logs in from the mailed invitation', async () => {
    const connect = (body: unknown, key = ADMIN_KEY) =>
      api
        .http()
        .post('/v1/colleges')
        .set(bearer(key))
        .send(body as object);
    const college = {
      municipalityCode: '0889',
      name: 'Gemeente Beesel',
      administrator: { email: 'beheerder.beesel@example.org', name: 'Anne Beesel' },
    };
    // Bad input changes nothing; a college's administrator is not the operator.
    const bad = await connect({ ...college, municipalityCode: '889', administrator: { email: 'geen-adres' } }).expect(
      400,
    );
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(
      ['administrator.email', 'administrator.name', 'municipalityCode'].sort(),
    );
    const [{ id: gemeente }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    const administrator = await api
      .http()
      .post(`/v1/organisations/${gemeente}/credentials`)
      .set(bearer(ADMIN_KEY))
      .send({ scopes: ['admin'] })
      .expect(201);
    await connect(college, administrator.body.secret).expect(403);
    smtp.failNext(1);
    expect((await connect(college).expect(503)).body.code).toBe('INVITATION_MAIL_FAILED');
    const colleges = () =>
      api.dataSource.query(`SELECT name FROM organisations WHERE municipality_code = '0889' AND kind = 'municipality'`);
    expect(await colleges()).toEqual([]);

    const before = smtp.mails.length;
    const connected = await connect(college).expect(201);
    expect(connected.body).toMatchObject({
      municipalityCode: '0889',
      name: 'Gemeente Beesel',
      organisationId: expect.any(String),
      administrator: { sentTo: 'beheerder.beesel@example.org', expiresAt: expect.any(String) },
    });
    expect(await colleges()).toEqual([{ name: 'Gemeente Beesel' }]);
    expect((await connect(college).expect(409)).body).toMatchObject({
      code: 'COLLEGE_EXISTS',
      errors: [{ field: 'municipalityCode' }],
    });
    // The college's own log holds its connection, the operator's does not.
    const [logged] = await api.dataSource.query(
      `SELECT municipality_code FROM audit_events WHERE action = 'organisation.connected' AND object_id = $1`,
      [connected.body.organisationId],
    );
    expect(logged.municipality_code).toBe('0889');

    await waitFor('the invitation e-mail', () => smtp.mails.length > before, 10_000);
    const mail = smtp.mails[smtp.mails.length - 1];
    expect(mail.to).toEqual(['beheerder.beesel@example.org']);
    const { secret } = await activate(/https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text)![0]);
    await logIn({
      personId: connected.body.administrator.professionalId,
      email: college.administrator.email,
      name: 'Anne Beesel',
      secret,
      recoveryCodes: [],
    });
    expect(await page.locator('header').textContent()).toContain('Ingelogd als Anne Beesel');
    const me = await (await context.request.get(`${portal.url}/v1/me`)).json();
    expect(me).toMatchObject({ municipalityCode: '0889', roles: ['administrator'] });
  });

  it('keeps a college apart: Beesel invites and logs in its own people, Venlo reaches none of them', async () => {
    // A college connected by the operator, with its first administrator's invitation (printed, not mailed).
    const connected = await cliWithEnv(
      { PORTAL_URL: portal.url },
      'college',
      'connect',
      '0889',
      'Gemeente Beesel',
      'beheerder.beesel@example.org',
      'Anne Beesel',
    );
    expect(connected.code).toBe(0);
    const adminLink = /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(connected.stdout)![0];
    expect(adminLink.startsWith(portal.url)).toBe(true);
    const created = await cliWithEnv(
      { VIR_MUNICIPALITY_CODE: '0889', VIR_MUNICIPALITY_NAME: 'Gemeente Beesel' },
      'admin',
      'create',
      'beheerder Beesel',
    );
    expect(created.code).toBe(0);
    const beeselAdmin = /Secret \(shown once\): (\S+)/.exec(created.stdout)?.[1] as string;
    const practice = await anOrganisation(api, {
      kind: 'health_care',
      adminKey: beeselAdmin,
      municipalityCode: '0889',
    });

    // Venlo's administrator cannot invite Beesel's people: answered as if they did not exist.
    const refused = await api
      .http()
      .post(`/v1/organisations/${practice.id}/professionals/${practice.professionalIds[0]}/invitation`)
      .set(bearer(ADMIN_KEY))
      .expect(404);
    expect(refused.body.code).toBe('ORGANISATION_NOT_FOUND');
    const who = await enrol(practice, practice.professionalIds[0], beeselAdmin);
    await logIn(who);
    expect(await (await context.request.get(`${portal.url}/v1/me`)).json()).toMatchObject({
      organisation: { id: practice.id },
      municipalityCode: '0889',
    });
    // The traces of Beesel's people belong to Beesel's log, not Venlo's.
    const colleges = await api.dataSource.query<{ municipality_code: string }[]>(
      `SELECT DISTINCT municipality_code FROM audit_events WHERE actor_professional_id = $1`,
      [who.personId],
    );
    expect(colleges).toEqual([{ municipality_code: '0889' }]);

    // The first administrator's link opens an account in Beesel's own municipality organisation.
    await page.goto(adminLink);
    expect(await page.textContent('main')).toContain('Anne Beesel (Gemeente Beesel)');
  });

  it('sends pages with a strict content security policy, uncached, without a referrer', async () => {
    const response = await page.goto(`${portal.url}/inloggen`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const missing = await page.goto(`${portal.url}/bestaat-niet`);
    expect(missing!.status()).toBe(404);
    await expect(page.title()).resolves.toBe('Pagina niet gevonden — Verwijsindex');
  });
});
