import type { Browser, BrowserContext, Page } from 'playwright-core';
import { todayInAmsterdam, addDays } from '../libs/common/src/calendar';
import { launchBrowser, reflows, screenshot } from './support/browser';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { PortalProcess, startPortalProcess, startWorker, WorkerProcess } from './support/processes';
import { enrol, Enrolled, expectAccessible, logIn } from './support/portal-people';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

const mainText = async (page: Page) => ((await page.textContent('main')) ?? '').replace(/\s+/g, ' ');

/** The college's own staff in the portal, after a real login: the privacy officer's register of subject requests. */
describe('portal: the college (headless Chromium)', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let portal: PortalProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let school: TestOrganisation;
  let police: TestOrganisation;
  let gemeente: TestOrganisation;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    portal = await startPortalProcess();
    api = await startApi({ SMTP_URL: smtp.url, PORTAL_URL: portal.url });
    worker = await startWorker({ SMTP_URL: smtp.url, PORTAL_URL: portal.url });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await worker?.kill();
    await portal?.kill();
    await api?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await waitUntilSettled(api.dataSource);
    await api.reset();
    school = await anOrganisation(api, { kind: 'education' });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
    const [{ id }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    gemeente = { id } as TestOrganisation;
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  /** A person of the gemeente with `role`, designated through the API and logged in in a browser of their own. */
  const colleagueWith = async (role: string, name: string): Promise<{ page: Page; who: Enrolled }> => {
    const id = (
      await api
        .http()
        .post(`/v1/organisations/${gemeente.id}/professionals`)
        .set(bearer(ADMIN_KEY))
        .send({ name, email: `${role}.${Date.now()}@venlo.example.org`, phone: '+31 77 359 0000', role })
        .expect(201)
    ).body.id as string;
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const who = await enrol(api, smtp, page, gemeente, id);
    await logIn(page, portal.url, who);
    return { page, who };
  };

  it('lets the privacy officer record an access request, refused first beside the field, and answer it with a letter', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    await aRegistration(api, school, youth);
    await aRegistration(api, police, youth);
    await waitUntilSettled(api.dataSource);
    const today = todayInAmsterdam(new Date());
    const { page, who } = await colleagueWith('privacy_officer', 'P. Rivacy');

    await page.getByRole('link', { name: 'Verzoeken' }).click();
    await expect(page.title()).resolves.toBe('Verzoeken van betrokkenen — Verwijsindex');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Verzoek vastleggen' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    expect(await page.locator('#veld-kind-fout').textContent()).toContain('Kies wat er gevraagd wordt.');
    expect(await page.locator('#veld-receivedOn-fout').textContent()).toContain('datum van ontvangst');
    await expectAccessible(page);

    await page.getByLabel('Inzage (AVG 15)').check();
    await page.getByLabel('Ontvangen op').fill(today);
    await page.getByLabel('Geboortedatum van de jongere').fill(youth.birthDate);
    await page.getByLabel('De jongere zelf').check();
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    expect(await page.locator('#veld-requestedBy-fout').textContent()).toContain(
      'de jongere en de wettelijk vertegenwoordiger samen',
    );
    expect(await page.getByLabel('Geboortedatum van de jongere').inputValue()).toBe(youth.birthDate);
    expect(await api.dataSource.query(`SELECT id FROM subject_requests`)).toEqual([]);

    await page.getByLabel('De jongere en de wettelijk vertegenwoordiger samen').check();
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await page.getByText('Het verzoek is vastgelegd.').waitFor();
    expect(await page.getByTestId('due-on').textContent()).toContain(
      new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(new Date(`${addDays(today, 28)}T12:00:00Z`)),
    );
    await expectAccessible(page);

    await page.getByLabel('BSN').fill('123');
    await page.getByLabel('Geboortedatum', { exact: true }).fill(youth.birthDate);
    await page.getByRole('button', { name: 'Verzoek beantwoorden' }).click();
    expect(await page.locator('#veld-bsn-fout').textContent()).toContain('geldig BSN');
    expect(await page.getByLabel('BSN').inputValue()).toBe('');
    expect(await page.getByLabel('Geboortedatum', { exact: true }).inputValue()).toBe(youth.birthDate);
    await expectAccessible(page);

    await page.getByLabel('BSN').fill(youth.bsn);
    await page.getByRole('button', { name: 'Verzoek beantwoorden' }).click();
    await page.getByRole('heading', { name: /Onderwerp: uw verzoek van/ }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Antwoordbrief VZ-\d{8}-1 — Verwijsindex$/);
    const letter = await mainText(page);
    expect(letter).toContain(school.name);
    expect(letter).toContain(police.name);
    expect(letter).toContain('Waarvoor worden de gegevens gebruikt?');
    expect(letter).toContain('Wie krijgen de gegevens?');
    expect(letter).toContain('Waar komen de gegevens vandaan?');
    expect(letter).toContain(who.name);
    expect(letter).not.toContain(youth.bsn);
    expect(page.url()).not.toContain(youth.bsn);
    await expectAccessible(page);
    await screenshot(page, 'antwoordbrief');

    const [stored] = await api.dataSource.query(`SELECT answered_on::text, decision, outcome FROM subject_requests`);
    expect(stored).toEqual({
      answered_on: today,
      decision: 'granted',
      // Each registrant and each organisation's coordinator got a signal.
      outcome: { registrations: 2, archiveEntries: 0, signals: 4 },
    });
    await page.getByRole('link', { name: 'Verzoeken' }).click();
    expect(await mainText(page)).toContain('Beantwoord');
    await screenshot(page, 'verzoeken');
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${portal.url}/verzoeken/nieuw`);
    expect(await reflows(page)).toBe(true);
  });
});
