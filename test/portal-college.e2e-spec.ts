import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, isWorkingDay, todayInAmsterdam } from '../libs/common/src/calendar';
import { launchBrowser, reflows, screenshot } from './support/browser';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { PortalProcess, startPortalProcess, startWorker, waitFor, WorkerProcess } from './support/processes';
import { enrol, Enrolled, expectAccessible, logIn } from './support/portal-people';
import { startSmtpSink, startWebhookReceiver } from './support/receivers';
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
    portal = await startPortalProcess({ SMTP_URL: smtp.url });
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

  it('lets the privacy officer read the audit log of the college, filtered, and check its chain', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(14) };
    const registration = (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(school.secret))
        .send({ professionalId: school.professionalIds[0], youth })
        .expect(201)
    ).body.id as string;
    const { page, who } = await colleagueWith('privacy_officer', 'Fatima de Privacyfunctionaris');
    await page.getByRole('link', { name: 'Logboek' }).click();
    await expect(page.title()).resolves.toBe('Logboek — Verwijsindex');
    const log = await mainText(page);
    expect(log).toContain('registration.created');
    expect(log).toContain(`professional 0 ${school.name}, ${school.name}`);
    expect(log).toContain('Gemeente Venlo (via een sleutel)');
    expect(log).not.toContain(youth.bsn);
    await expectAccessible(page);

    // A period that ends before it starts is refused beside the field, and what was typed stays.
    await page.getByLabel('Van', { exact: true }).fill('2026-12-10');
    await page.getByLabel('Tot en met').fill('2026-12-01');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    expect(await page.locator('#veld-tot-fout').textContent()).toMatch(/op of na de datum bij Van/);
    expect(await page.getByLabel('Van', { exact: true }).inputValue()).toBe('2026-12-10');
    await expectAccessible(page);
    await page.getByLabel('Over', { exact: false }).fill('geen-nummer');
    await page.getByLabel('Van', { exact: true }).fill('');
    await page.getByLabel('Tot en met').fill('');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    expect(await page.locator('#veld-object-fout').textContent()).toMatch(/nummer/);

    await page.getByLabel('Over', { exact: false }).fill(registration);
    const day = todayInAmsterdam(new Date());
    await page.getByLabel('Van', { exact: true }).fill(day);
    await page.getByLabel('Tot en met').fill(day);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(registration);

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.getByText('De keten is intact').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'logboek');
    const reads = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'audit-events.read' AND actor_professional_id = $1`,
      [who.personId],
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflows(page)).toBe(true);
  });

  it('lets the administrator onboard an organisation: agreement, coordinator, a CSV of five with one bad row, webhook test, a key shown once, and disconnection', async () => {
    const { page } = await colleagueWith('administrator', 'B. Heerder');
    const stamp = Date.now();
    await page.getByRole('link', { name: 'Organisaties' }).click();
    await expect(page.title()).resolves.toBe('Organisaties — Verwijsindex');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Organisatie aansluiten' }).click();
    await expect(page.title()).resolves.toBe('Organisatie aansluiten — Verwijsindex');
    await expectAccessible(page);

    // Bad input: a message beside each field, what was typed kept, nothing stored.
    const name = `Basisschool De Wilg ${stamp}`;
    await page.getByLabel('Naam van de organisatie').fill(name);
    await page.getByLabel('Getekend op').fill('2026-11-01');
    await page.getByLabel('Looptijd tot en met (niet verplicht)').fill('2026-10-01');
    await page.getByRole('button', { name: 'Aansluiten' }).click();
    expect(await page.locator('#veld-kind-fout').textContent()).toContain('Kies de soort organisatie.');
    expect(await page.locator('#veld-agreementReference-fout').textContent()).toContain('zonder overeenkomst');
    expect(await page.getByLabel('Naam van de organisatie').inputValue()).toBe(name);
    await expectAccessible(page);
    await page.getByLabel('Onderwijs en leerplicht (Bjw 7.1.4)').check();
    await page.getByLabel('Kenmerk van de overeenkomst').fill('OVK-2026-17');
    await page.getByRole('button', { name: 'Aansluiten' }).click();
    expect(await page.locator('#veld-agreementEndsOn-fout').textContent()).toContain('na de dag van tekenen');
    expect(await api.dataSource.query(`SELECT id FROM organisations WHERE name = $1`, [name])).toEqual([]);
    await page.getByLabel('Looptijd tot en met (niet verplicht)').fill('2028-12-31');
    await page.getByRole('button', { name: 'Aansluiten' }).click();
    await page.getByText('De organisatie is aangesloten.').waitFor();
    await expect(page.title()).resolves.toBe(`${name} — Verwijsindex`);
    const [organisation] = await api.dataSource.query(
      `SELECT id, kind, municipality_code, agreement_reference, agreement_signed_on::text, agreement_ends_on::text
         FROM organisations WHERE name = $1`,
      [name],
    );
    expect(organisation).toMatchObject({
      kind: 'education',
      municipality_code: '0983',
      agreement_reference: 'OVK-2026-17',
      agreement_signed_on: '2026-11-01',
      agreement_ends_on: '2028-12-31',
    });
    expect(await mainText(page)).toContain('getekend op 1 november 2026, loopt tot en met 31 december 2028');
    await expectAccessible(page);

    // The coordinator, invited by e-mail; a bad phone number first.
    const coordinatorEmail = `contact.${stamp}@dewilg.example.org`;
    await page.getByLabel('Naam', { exact: true }).fill('C. Ontact');
    await page.getByLabel('E-mailadres', { exact: true }).fill(coordinatorEmail);
    await page.getByLabel('Telefoonnummer').fill('12');
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    expect(await page.locator('#veld-phone-fout').textContent()).toContain('8 tot 22 cijfers');
    expect(await page.getByLabel('E-mailadres', { exact: true }).inputValue()).toBe(coordinatorEmail);
    await page.getByLabel('Telefoonnummer').fill('077 320 1000');
    const mailsBefore = smtp.mails.length;
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await page.getByText('heeft een uitnodiging per e-mail gekregen').waitFor();
    expect(smtp.mails.slice(mailsBefore).map((m) => m.to[0])).toEqual([coordinatorEmail]);

    // Five people from a spreadsheet export; line 5 has a bad e-mail address and is refused with its reason.
    const csv = [
      'Naam;E-mail;Telefoon;Rol',
      `A. Akker;a.${stamp}@dewilg.example.org;077 320 1001;meldingsbevoegde`,
      `B. Beek;b.${stamp}@dewilg.example.org;077 320 1002;meldingsbevoegde`,
      `D. Dijk;d.${stamp}@dewilg.example.org;077 320 1003;Meldingsbevoegde`,
      `E. Es;geen-adres;077 320 1004;meldingsbevoegde`,
      `F. Veld;f.${stamp}@dewilg.example.org;077 320 1005;contactpersoon`,
    ].join('\r\n');
    const upload = { name: 'medewerkers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
    await page.getByLabel('CSV-bestand').setInputFiles(upload);
    await page.getByLabel('Alleen controleren, nog niets opslaan').check();
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('Er is nog niets opgeslagen.').waitFor();
    expect(
      await api.dataSource.query(`SELECT id FROM professionals WHERE organisation_id = $1`, [organisation.id]),
    ).toHaveLength(1);
    await page.goBack();
    await page.getByLabel('CSV-bestand').setInputFiles(upload);
    await page.getByLabel('Alleen controleren, nog niets opslaan').uncheck();
    const beforeImport = smtp.mails.length;
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('4 van 5 medewerkers opgeslagen; 1 regel geweigerd.').waitFor();
    await expect(page.title()).resolves.toBe('Medewerkers geïmporteerd — Verwijsindex');
    const refused = page.getByRole('row', { name: /E\. Es/ });
    expect(await refused.textContent()).toContain('Geweigerd: geen geldig e-mailadres');
    expect(await refused.locator('td').first().textContent()).toBe('5');
    expect(await page.getByText('4 uitnodigingen verstuurd.').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'medewerkers-importeren');
    const people = await api.dataSource.query(
      `SELECT name, role FROM professionals WHERE organisation_id = $1 ORDER BY name`,
      [organisation.id],
    );
    expect(people).toEqual([
      { name: 'A. Akker', role: 'professional' },
      { name: 'B. Beek', role: 'professional' },
      { name: 'C. Ontact', role: 'coordinator' },
      { name: 'D. Dijk', role: 'professional' },
      { name: 'F. Veld', role: 'coordinator' },
    ]);
    await waitFor('the four invitations', () => smtp.mails.length >= beforeImport + 4, 10_000);
    const [audited] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'professionals.imported' AND object_id = $1`,
      [organisation.id],
    );
    expect(audited.details).toEqual({ rows: 5, imported: 4, refused: 1 });

    // BSN rights: the administrator says the organisation's professionals may not use the BSN.
    await page.getByRole('link', { name: `Terug naar ${name}` }).click();
    await page.getByLabel('De meldingsbevoegden mogen het BSN gebruiken').uncheck();
    await page.getByRole('button', { name: 'BSN-bevoegdheid opslaan' }).click();
    await page.getByText('De BSN-bevoegdheid is opgeslagen.').waitFor();
    expect(await mainText(page)).toContain('Medewerkers melden zonder BSN');
    expect(await page.getByLabel('De meldingsbevoegden mogen het BSN gebruiken').isChecked()).toBe(false);
    const [{ uses_bsn: usesBsn }] = await api.dataSource.query(`SELECT uses_bsn FROM organisations WHERE id = $1`, [
      organisation.id,
    ]);
    expect(usesBsn).toBe(false);
    await expectAccessible(page);

    // The webhook: its secret shown once, then a signed test event the receiver checks with that secret.
    const receiver = await startWebhookReceiver('not-yet-known');
    try {
      await page.getByLabel('Webhook-adres').fill('geen adres');
      await page.getByRole('button', { name: 'Webhook opslaan' }).click();
      expect(await page.locator('#veld-webhookUrl-fout').textContent()).toContain('Vul een volledig adres in');
      await page.getByLabel('Webhook-adres').fill(`${receiver.url}/vir`);
      await page.getByRole('button', { name: 'Webhook opslaan' }).click();
      await page.getByText('Kopieer het webhookgeheim nu').waitFor();
      const secret = ((await page.locator('.portal-secret').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await expectAccessible(page);
      await page.getByRole('link', { name: `Terug naar ${name}` }).click();
      expect(await mainText(page)).not.toContain(secret);
      await page.getByRole('button', { name: 'Testbericht sturen' }).click();
      await page.getByText('Het testbericht is aangekomen (http 200).').waitFor();
      const [event] = receiver.events;
      expect(JSON.parse(event.body)).toMatchObject({
        specversion: '1.0',
        type: 'nl.verwijsindex.webhook-test',
        data: { organisationId: organisation.id },
      });
      const timestamp = String(event.headers['x-verwijsindex-timestamp']);
      expect(event.headers['x-verwijsindex-signature']).toBe(
        `sha256=${createHmac('sha256', secret).update(`${timestamp}.${event.body}`).digest('hex')}`,
      );
    } finally {
      await receiver.close();
    }

    // A case-system key, shown once, that works against the API.
    await page.getByLabel('Signalen ontvangen').check();
    await page.getByRole('button', { name: 'Sleutel uitgeven' }).click();
    await page.getByText('Kopieer de sleutel nu').waitFor();
    const key = ((await page.locator('.portal-secret').textContent()) ?? '').trim();
    await api.http().get('/v1/signals').set(bearer(key)).expect(200);
    await expectAccessible(page);

    // Keyboard and 320 px on the onboarding page, then disconnection.
    await page.getByRole('link', { name: `Terug naar ${name}` }).click();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflows(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Organisatie ontkoppelen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ontkoppelen$/);
    await expect(page.title()).resolves.toBe(`${name} ontkoppelen — Verwijsindex`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ontkoppelen' }).click();
    await page.getByText('De organisatie is ontkoppeld.').waitFor();
    await screenshot(page, 'organisaties');
    expect(
      (await api.dataSource.query(`SELECT status FROM organisations WHERE id = $1`, [organisation.id]))[0].status,
    ).toBe('disconnected');
    await api.http().get('/v1/signals').set(bearer(key)).expect(401);
  });

  it('lets a coordinator keep contact details current: a stale one flagged, changed with a bad address refused first, confirmed, and a person invited', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const who = await enrol(api, smtp, page, school, school.coordinatorId);
    await logIn(page, portal.url, who);
    const colleague = school.professionalIds[0];
    await api.dataSource.query(
      `UPDATE professionals SET contact_confirmed_at = now() - interval '13 months' WHERE id = $1`,
      [colleague],
    );
    await page.getByRole('link', { name: 'Medewerkers' }).click();
    expect(await mainText(page)).toContain(
      'Van 1 medewerker zijn de contactgegevens langer dan 12 maanden niet bevestigd',
    );
    const [{ name }] = await api.dataSource.query(`SELECT name FROM professionals WHERE id = $1`, [colleague]);
    const row = page.getByRole('row', { name: new RegExp(name as string) });
    expect(await row.textContent()).toContain('Controleren');
    await expectAccessible(page);

    await page.getByRole('link', { name: `Wijzigen voor ${name}` }).click();
    await expect(page.title()).resolves.toBe(`Gegevens van ${name} — Verwijsindex`);
    await page.getByLabel('E-mailadres').fill('niet-een-adres');
    await page.getByLabel('Telefoonnummer').fill('077 320 2222');
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
    expect(await page.locator('#veld-email-fout').textContent()).toContain('geldig e-mailadres');
    expect(await page.getByLabel('Telefoonnummer').inputValue()).toBe('077 320 2222');
    const [unchanged] = await api.dataSource.query(`SELECT phone FROM professionals WHERE id = $1`, [colleague]);
    expect(unchanged.phone).not.toBe('077 320 2222');
    await expectAccessible(page);
    await page.getByLabel('E-mailadres').fill(`nieuw.${Date.now()}@school.example.org`);
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await page.getByText('De contactgegevens zijn opgeslagen en gelden als bevestigd.').waitFor();
    expect(await mainText(page)).not.toContain('niet bevestigd');
    const [changed] = await api.dataSource.query(
      `SELECT phone, contact_confirmed_at > now() - interval '1 minute' AS fresh FROM professionals WHERE id = $1`,
      [colleague],
    );
    expect(changed).toEqual({ phone: '077 320 2222', fresh: true });

    await api.dataSource.query(
      `UPDATE professionals SET contact_confirmed_at = now() - interval '2 years' WHERE id = $1`,
      [colleague],
    );
    await page.reload();
    await page.getByRole('button', { name: `Gegevens kloppen voor ${name}` }).click();
    await page.getByText('De contactgegevens zijn bevestigd.').waitFor();
    expect(await mainText(page)).not.toContain('niet bevestigd');
    const audited = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE object_id = $1 AND action LIKE 'professional.contact-details-%' ORDER BY occurred_at`,
      [colleague],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'professional.contact-details-updated',
      'professional.contact-details-confirmed',
    ]);

    const before = smtp.mails.length;
    await page.getByRole('button', { name: `Uitnodiging sturen aan ${name}` }).click();
    await page.getByText('De uitnodiging is verstuurd.').waitFor();
    await waitFor('the invitation', () => smtp.mails.length > before, 10_000);
    expect(smtp.mails[smtp.mails.length - 1].to[0]).toMatch(/^nieuw\.\d+@school\.example\.org$/);
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflows(page)).toBe(true);
  });

  it("lets the administrator set the college's follow-up deadlines, refusing impossible ones beside the field", async () => {
    const { page } = await colleagueWith('administrator', 'I. Nsteller');
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await expect(page.title()).resolves.toBe('Instellingen van het college — Verwijsindex');
    await expectAccessible(page);
    const stored = async () =>
      (
        await api.dataSource.query(
          `SELECT follow_up_reminder_days AS reminder, follow_up_escalation_days AS escalation FROM organisations WHERE id = $1`,
          [gemeente.id],
        )
      )[0];
    const before = await stored();
    await page.getByLabel('Herinnering na (werkdagen)').fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.locator('#veld-followUpReminderWorkingDays-fout').textContent()).toContain('1 tot en met 60');
    expect(await page.getByLabel('Herinnering na (werkdagen)').inputValue()).toBe('0');
    await page.getByLabel('Herinnering na (werkdagen)').fill('7');
    await page.getByLabel('Escalatie naar de regievoerder na (werkdagen)').fill('6');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.locator('#veld-followUpEscalationWorkingDays-fout').textContent()).toContain('na de herinnering');
    expect(await stored()).toEqual(before);
    await expectAccessible(page);
    await page.getByLabel('Escalatie naar de regievoerder na (werkdagen)').fill('12');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    expect(await stored()).toEqual({ reminder: 7, escalation: 12 });
    expect(await page.getByLabel('Herinnering na (werkdagen)').inputValue()).toBe('7');
    await page.getByLabel('Herinnering na (werkdagen)').fill('');
    await page.getByLabel('Escalatie naar de regievoerder na (werkdagen)').fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    expect(await stored()).toEqual({ reminder: null, escalation: null });

    // Closing days: a holiday, a day gone by and a day twice are refused beside the field.
    const closingDays = async () =>
      (
        await api.dataSource.query(`SELECT follow_up_closing_days::text[] AS days FROM organisations WHERE id = $1`, [
          gemeente.id,
        ])
      )[0].days;
    const addDay = async (day: string) => {
      await page.getByLabel('Sluitingsdag toevoegen').fill(day);
      await page.getByRole('button', { name: 'Dag toevoegen' }).click();
    };
    const nextYear = Number(todayInAmsterdam(new Date()).slice(0, 4)) + 1;
    let closed = `${nextYear}-12-27`;
    while (!isWorkingDay(closed)) closed = addDays(closed, 1);
    const refusals: [string, string][] = [
      [`${nextYear}-12-25`, 'al geen werkdag'],
      ['2020-03-02', 'in de toekomst'],
    ];
    for (const [day, message] of refusals) {
      await addDay(day);
      expect(await page.locator('#veld-closingDay-fout').textContent()).toContain(message);
      expect(await page.getByLabel('Sluitingsdag toevoegen').inputValue()).toBe(day);
    }
    expect(await closingDays()).toEqual([]);
    await addDay(closed);
    await page.getByText('De sluitingsdag is toegevoegd.').waitFor();
    expect(await closingDays()).toEqual([closed]);
    await addDay(closed);
    expect(await page.locator('#veld-closingDay-fout').textContent()).toContain('staat al in de lijst');
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Verwijderen/ }).click();
    await page.getByText('De sluitingsdag is verwijderd.').waitFor();
    expect(await closingDays()).toEqual([]);
    await expect(page.getByText('Er zijn geen sluitingsdagen ingesteld.').count()).resolves.toBe(1);
  });

  it('lets the administrator switch the address match on and keep the register of excluded addresses, refusing bad input beside the field', async () => {
    const { page } = await colleagueWith('administrator', 'A. Dresmatch');
    await page.getByRole('link', { name: 'Adresmatch' }).click();
    await expect(page.title()).resolves.toBe('Adresmatch en uitgesloten adressen — Verwijsindex');
    await page.getByText('Er zijn nog geen adressen uitgesloten.').waitFor();
    await expectAccessible(page);
    const switchedOn = async () =>
      (await api.dataSource.query(`SELECT address_match FROM organisations WHERE id = $1`, [gemeente.id]))[0]
        .address_match;
    expect(await switchedOn()).toBe(false);
    await page.getByRole('button', { name: 'Adresmatch aanzetten' }).click();
    await page.getByText('De adresmatch staat aan.').waitFor();
    expect(await switchedOn()).toBe(true);

    const register = async () =>
      api.dataSource.query(`SELECT bag_id, postcode, house_number, reason FROM address_exclusions ORDER BY postcode`);
    await page.getByLabel('Postcode').fill('5914 SK');
    await page.getByLabel('Reden').fill('Zorginstelling');
    await page.getByRole('button', { name: 'Adres uitsluiten' }).click();
    expect(await page.locator('#veld-houseNumber-fout').textContent()).toContain('huisnummer');
    expect(await page.getByLabel('Postcode').inputValue()).toBe('5914 SK');
    expect(await register()).toEqual([]);
    await expectAccessible(page);
    await page.getByLabel('Huisnummer').fill('3');
    await page.getByRole('button', { name: 'Adres uitsluiten' }).click();
    await page.getByText('Het adres is uitgesloten').waitFor();
    expect(await register()).toEqual([{ bag_id: null, postcode: '5914SK', house_number: 3, reason: 'Zorginstelling' }]);
    const row = page.getByRole('row', { name: /5914 SK 3/ });
    expect(await row.textContent()).toContain('door A. Dresmatch');
    await page.getByLabel('Postcode').fill('5914 SK');
    await page.getByLabel('Huisnummer').fill('3');
    await page.getByLabel('Reden').fill('Nog eens');
    await page.getByRole('button', { name: 'Adres uitsluiten' }).click();
    expect(await page.locator('#veld-postcode-fout').textContent()).toContain('staat al in de lijst');

    const csv = ['bag_id;reden', '0983010000100005;Opvang', '12;Fout'].join('\r\n');
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles({ name: 'adressen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('heading', { name: 'Verslag van de import' }).waitFor();
    expect((await page.getByRole('row', { name: /^3 / }).textContent())?.replace(/\s+/g, ' ')).toContain(
      'Geweigerd: Vul een BAG-id',
    );
    expect(await register()).toHaveLength(2);
    await expectAccessible(page);
    expect(await reflows(page)).toBe(true);
    // At 320 px the register is wider than the screen: it scrolls in its own region, which the
    // keyboard reaches (a named region in the tab order) and scrolls with the arrow keys.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflows(page)).toBe(true);
    await expectAccessible(page);
    await page.getByRole('region', { name: 'Adressen waarop nooit een adresmatch komt' }).focus();
    expect(
      await page.evaluate<boolean>('document.activeElement.scrollWidth > document.activeElement.clientWidth'),
    ).toBe(true);
    await page.keyboard.press('ArrowRight');
    const scrolled = async () => page.evaluate<number>('document.activeElement.scrollLeft');
    for (let tries = 0; tries < 40 && (await scrolled()) === 0; tries += 1) await page.waitForTimeout(50);
    expect(await scrolled()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1024, height: 768 });

    await page.getByRole('button', { name: /Verwijderen.*0983010000100005/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Het adres staat niet meer in de lijst.').waitFor();
    expect(await register()).toHaveLength(1);
    await page.getByRole('button', { name: 'Adresmatch uitzetten' }).click();
    await page.getByText('De adresmatch staat uit.').waitFor();
    expect(await switchedOn()).toBe(false);
    await screenshot(page, 'adresmatch');
  });

  it('shows the administrator the dashboard: key figures, charts with their tables, organisations that never registered, a CSV', async () => {
    const small = await anOrganisation(api, { kind: 'youth_care' });
    const silent = await anOrganisation(api, { kind: 'health_care' });
    for (let i = 0; i < 5; i += 1) {
      const youth = { bsn: aBsn(), birthDate: bornYearsAgo(14) };
      await aRegistration(api, school, youth);
      await aRegistration(api, police, youth);
    }
    for (let i = 0; i < 2; i += 1) await aRegistration(api, small, { bsn: aBsn(), birthDate: bornYearsAgo(9) });
    await waitUntilSettled(api.dataSource);
    const month = todayInAmsterdam(new Date()).slice(0, 7);

    const { page } = await colleagueWith('administrator', 'D. Ashboard');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.title()).resolves.toBe('Dashboard — Verwijsindex');
    expect(await page.getByLabel('Tot en met (maand)').inputValue()).toBe(month);
    const keyFigure = (name: string) =>
      page.locator('.utrecht-data-list__item', { hasText: name }).locator('dd').textContent();
    await expect(keyFigure('Meldingen')).resolves.toBe('12');
    await expect(keyFigure('Matches')).resolves.toBe('5');
    await expect(keyFigure('Informatietaken open')).resolves.toBe('12');
    const charts = page.locator('svg[role="img"]');
    await expect(charts.count()).resolves.toBe(2);
    await expect(charts.first().locator('title').textContent()).resolves.toContain('Meldingen en matches per maand');
    const row = (name: string) => page.locator('tr', { hasText: name });
    await expect(row(school.name).locator('td').nth(3).textContent()).resolves.toBe('5');
    await expect(row(small.name).locator('td').nth(3).textContent()).resolves.toBe('<5');
    await expect(row(silent.name).textContent()).resolves.toContain('nog nooit gemeld');
    await expect(row(school.name).textContent()).resolves.not.toContain('nog nooit gemeld');
    await expectAccessible(page);
    await screenshot(page, 'dashboard');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflows(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Cijfers downloaden (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^verwijsindex-0983-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^niveau;maand;soort;organisatie;aansluiting;nooit_gemeld;meldingen;matches;/);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^organisatie;;education;${school.name};aangesloten;nee;5;5;`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^organisatie;;youth_care;${small.name};aangesloten;nee;<5;0;`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^organisatie;;health_care;${silent.name};aangesloten;ja;0;0;`)),
    );

    // A period that cannot be: the message beside the field, what was typed kept, no figures.
    await page.getByLabel('Van (maand)').fill('2026-06');
    await page.getByLabel('Tot en met (maand)').fill('2026-01');
    await page.getByRole('button', { name: 'Tonen' }).click();
    expect(await page.locator('#veld-tot-fout').textContent()).toContain('op of na de maand bij Van');
    expect(await page.getByLabel('Van (maand)').inputValue()).toBe('2026-06');
    await expect(charts.count()).resolves.toBe(0);
    await expectAccessible(page);
    const response = await page.goto(`${portal.url}/dashboard?van=2026-13&tot=2026-12`);
    expect(response?.status()).toBe(400);
    expect(await page.locator('#veld-van-fout').textContent()).toContain('jjjj-mm');
    const csvRefused = await page.goto(`${portal.url}/dashboard/csv?van=2020-01&tot=2026-12`);
    expect(csvRefused?.status()).toBe(400);
    expect(await page.locator('#veld-tot-fout').textContent()).toContain('36 maanden');
  });

  it('lets the privacy officer keep the register of complaints: refused beside the field first, forwarded, answered, counted for the year', async () => {
    const today = todayInAmsterdam(new Date());
    const { page } = await colleagueWith('privacy_officer', 'K. Lachten');
    await page.getByRole('link', { name: 'Klachten' }).click();
    await expect(page.title()).resolves.toBe('Klachten — Verwijsindex');
    expect(await mainText(page)).toContain('Er zijn nog geen klachten vastgelegd.');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Klacht vastleggen' }).click();
    await page.getByLabel('Ontvangen op').fill(addDays(today, 3));
    await page.getByLabel('Over wie').selectOption({ label: school.name });
    await page.getByRole('button', { name: 'Klacht vastleggen' }).click();
    expect(await page.locator('#veld-filedBy-fout').textContent()).toContain('Kies wie de klacht indiende.');
    expect(await page.locator('#veld-topic-fout').textContent()).toContain('Kies waar de klacht over gaat.');
    expect(await page.getByLabel('Over wie').inputValue()).toBe(school.id);
    await expectAccessible(page);
    await page.getByLabel('De wettelijk vertegenwoordiger (ouder of voogd)').check();
    await page.getByLabel('Niet of te laat geïnformeerd over de melding').check();
    await page.getByRole('button', { name: 'Klacht vastleggen' }).click();
    expect(await page.locator('#veld-receivedOn-fout').textContent()).toContain('niet in de toekomst');
    expect(await page.getByLabel('Ontvangen op').inputValue()).toBe(addDays(today, 3));
    expect(await api.dataSource.query(`SELECT id FROM complaints`)).toEqual([]);

    await page.getByLabel('Ontvangen op').fill(addDays(today, -38));
    await page.getByRole('button', { name: 'Klacht vastleggen' }).click();
    await page.getByText('De klacht is vastgelegd.').waitFor();
    await expect(page.title()).resolves.toMatch(/^Klacht KL-\d{8}-1 — Verwijsindex$/);
    expect(await mainText(page)).toContain('termijn loopt bijna af');
    await expectAccessible(page);

    await page.getByLabel('Doorgestuurd op').fill(addDays(today, -40));
    await page.getByRole('button', { name: 'Doorsturen vastleggen' }).click();
    expect(await page.locator('#veld-forwardedOn-fout').textContent()).toContain('op of na de ontvangst');
    await page.getByLabel('Doorgestuurd op').fill(addDays(today, -37));
    await page.getByRole('button', { name: 'Doorsturen vastleggen' }).click();
    await page.getByText('Het doorsturen is vastgelegd.').waitFor();

    await page.getByLabel('Reactie verstuurd op').fill(today);
    await page.getByRole('button', { name: 'Reactie vastleggen' }).click();
    expect(await page.locator('#veld-outcome-fout').textContent()).toContain('Kies de uitkomst.');
    expect(await page.getByLabel('Reactie verstuurd op').inputValue()).toBe(today);
    await expectAccessible(page);
    await page.getByLabel('Deels gegrond').check();
    await page.getByRole('button', { name: 'Reactie vastleggen' }).click();
    await page.getByText('De reactie is vastgelegd; de klacht is afgehandeld.').waitFor();
    expect(await page.getByRole('button', { name: 'Reactie vastleggen' }).count()).toBe(0);
    const [stored] = await api.dataSource.query(
      `SELECT filed_by, topic, concerns_organisation_id, forwarded_on::text, responded_on::text, outcome FROM complaints`,
    );
    expect(stored).toEqual({
      filed_by: 'legal_representative',
      topic: 'information',
      concerns_organisation_id: school.id,
      forwarded_on: addDays(today, -37),
      responded_on: today,
      outcome: 'partly_founded',
    });

    await page.getByRole('link', { name: 'Terug naar de klachten' }).click();
    const register = await mainText(page);
    expect(register).toContain(school.name);
    expect(register).toContain('Beantwoord (deels gegrond)');
    expect(register).toContain('Jaaroverzicht voor de evaluatie');
    await expectAccessible(page);
    await screenshot(page, 'klachten');
    const badYear = await page.goto(`${portal.url}/klachten?jaar=twintig`);
    expect(badYear?.status()).toBe(400);
    expect(await page.locator('#veld-jaar-fout').textContent()).toContain('vier cijfers');
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${portal.url}/klachten/nieuw`);
    expect(await reflows(page)).toBe(true);
  });
});
