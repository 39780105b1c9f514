import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, addWorkingDays } from '../libs/common/src/calendar';
import { launchBrowser, reflows, screenshot } from './support/browser';
import { aFollowUpOfficer, anOrganisation, TestOrganisation } from './support/factories';
import { PortalProcess, startPortalProcess, startWorker, waitFor, WorkerProcess } from './support/processes';
import { enrol, Enrolled, expectAccessible, logIn } from './support/portal-people';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo, today } from './support/youths';

/**
 * The professional's main story in the portal, after a real login: two professionals of different
 * organisations register the same youth, both see the signal with each other's contact card, and
 * both confirm contact on the match. Every page passes axe; nothing about the youth is ever shown,
 * and the BSN is never in a URL.
 */

/** A deployment's theme: design tokens that override the defaults. */
const THEME = ':root { --utrecht-color-blue-40: #00689e; }\n';

describe('portal: register, signals and the match (headless Chromium)', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let portal: PortalProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let school: TestOrganisation;
  let police: TestOrganisation;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const themeFile = join(mkdtempSync(join(tmpdir(), 'theme-')), 'theme.css');
    writeFileSync(themeFile, THEME);
    portal = await startPortalProcess({ PORTAL_THEME_CSS: themeFile });
    api = await startApi({ SMTP_URL: smtp.url, PORTAL_URL: portal.url });
    worker = await startWorker({ SMTP_URL: smtp.url, PORTAL_URL: portal.url, FOLLOW_UP_SWEEP_INTERVAL_MS: '1000' });
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
    school = await anOrganisation(api, { kind: 'education', professionals: 2 });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  /** A person of their own in a browser of their own, logged in. */
  const personAt = async (
    organisation: TestOrganisation,
    index: number | 'coordinator' = 0,
  ): Promise<{ page: Page; who: Enrolled }> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const id = index === 'coordinator' ? organisation.coordinatorId : organisation.professionalIds[index];
    const who = await enrol(api, smtp, page, organisation, id);
    await logIn(page, portal.url, who);
    return { page, who };
  };

  const register = async (page: Page, youth: { bsn: string; birthDate: string }) => {
    await page.getByRole('link', { name: 'Nieuwe melding' }).click();
    await page.getByLabel('BSN').fill(youth.bsn);
    await page.getByLabel('Geboortedatum').fill(youth.birthDate);
    await page.getByLabel(/artikel 7\.1\.4\.1 Jeugdwet/).check();
    await page.getByLabel(/weet van de melding/).check();
    await page.getByRole('button', { name: 'Melding maken' }).click();
    await page.getByText('Uw melding staat in de verwijsindex.').waitFor();
  };

  const openFirstSignal = async (page: Page) => {
    await page.getByRole('link', { name: 'Signalen' }).click();
    await page.getByRole('heading', { name: 'Signalen', level: 1 }).waitFor();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /^Match: ook anderen/ })
      .first()
      .click();
    await expect(page.title()).resolves.toBe('Signaal — Verwijsindex');
    await expectAccessible(page);
  };

  it('walks two professionals from their registrations to confirmed contact', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(14) };
    const teacher = await personAt(school);
    const officer = await personAt(police);

    await teacher.page.getByRole('link', { name: 'Nieuwe melding' }).click();
    await expect(teacher.page.title()).resolves.toBe('Nieuwe melding — Verwijsindex');
    await expectAccessible(teacher.page);
    await screenshot(teacher.page, 'nieuwe-melding');
    await register(teacher.page, youth);
    expect(await teacher.page.textContent('main')).toContain('de jongere én de ouder of voogd');
    await expectAccessible(teacher.page);
    await register(officer.page, youth);
    await waitUntilSettled(api.dataSource);

    // Each sees the other's contact card; nothing about the youth.
    await openFirstSignal(teacher.page);
    await screenshot(teacher.page, 'signaal');
    const teacherSignal = await teacher.page.textContent('main');
    expect(teacherSignal).toContain(officer.who.name);
    expect(teacherSignal).toContain(officer.who.email);
    expect(teacherSignal).not.toContain(youth.bsn);
    await teacher.page.getByRole('button', { name: 'Gelezen' }).click();
    await teacher.page.getByText('U heeft dit signaal gelezen.').waitFor();
    await teacher.page.getByRole('link', { name: 'Naar de match' }).click();
    await expect(teacher.page.title()).resolves.toBe('Match — Verwijsindex');
    await expectAccessible(teacher.page);
    await teacher.page.getByRole('button', { name: 'Ik heb contact gehad' }).click();
    await teacher.page.getByText('Vastgelegd: u heeft contact gehad.').waitFor();
    await teacher.page.getByRole('button', { name: 'Ik neem de regie' }).click();
    await teacher.page.getByText('Vastgelegd: u heeft de regie.').waitFor();
    const main = (await teacher.page.textContent('main'))!.replace(/\s+/g, ' ');
    expect(main).toContain(`Regie (wie de hulp afstemt): ${teacher.who.name}`);

    await openFirstSignal(officer.page);
    expect(await officer.page.textContent('main')).toContain(teacher.who.name);
    await officer.page.getByRole('link', { name: 'Naar de match' }).click();
    await officer.page.getByLabel('We waren al bekend met elkaar').check();
    await officer.page.getByRole('button', { name: 'Ik heb contact gehad' }).click();
    await officer.page.getByText('In contact: de betrokkenen hebben elkaar gesproken').waitFor();
    await expectAccessible(officer.page);
    await screenshot(officer.page, 'match');

    const [match] = await api.dataSource.query(`SELECT status, lead_professional_id FROM matches`);
    expect(match).toEqual({ status: 'in_contact', lead_professional_id: teacher.who.personId });
    const outcomes = await api.dataSource.query(
      `SELECT professional_id, contact_outcome FROM match_participants ORDER BY contact_outcome`,
    );
    expect(outcomes).toEqual([
      { professional_id: officer.who.personId, contact_outcome: 'already_acquainted' },
      { professional_id: teacher.who.personId, contact_outcome: 'contact_made' },
    ]);
    expect(((await officer.page.textContent('main')) ?? '').replace(/\s+/g, ' ')).toContain(
      ': we waren al bekend met elkaar.',
    );
    // The confirmations are recorded as such, and the audit log names the person who acted.
    const created = await api.dataSource.query(
      `SELECT actor_professional_id, actor_credential_id, details FROM audit_events WHERE action = 'registration.created' ORDER BY id`,
    );
    expect(created).toEqual([
      {
        actor_professional_id: teacher.who.personId,
        actor_credential_id: null,
        details: { legalGroundConfirmed: true, informed: 'before_registering', verification: 'not_checked' },
      },
      {
        actor_professional_id: officer.who.personId,
        actor_credential_id: null,
        details: { legalGroundConfirmed: true, informed: 'before_registering', verification: 'not_checked' },
      },
    ]);
  });

  it("keeps the match on the follow-up officer's worklist until two professionals confirmed contact", async () => {
    const [{ id: gemeente }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    const officerId = await aFollowUpOfficer(api, gemeente);
    const context = await browser.newContext();
    contexts.push(context);
    const officer = await context.newPage();
    const who = await enrol(api, smtp, officer, { id: gemeente } as TestOrganisation, officerId);
    await logIn(officer, portal.url, who);

    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(16) };
    for (const organisation of [school, police])
      await api
        .http()
        .post('/v1/registrations')
        .set({ Authorization: `Bearer ${organisation.secret}` })
        .send({ professionalId: organisation.professionalIds[0], youth })
        .expect(201);
    await waitUntilSettled(api.dataSource);

    await officer.getByRole('link', { name: 'Werklijst' }).click();
    await expect(officer.title()).resolves.toBe('Werklijst — Verwijsindex');
    await expectAccessible(officer);
    await screenshot(officer, 'werklijst');
    expect(await officer.locator('tbody tr').count()).toBe(1);
    const listed = await officer.textContent('tbody');
    expect(listed).toContain(school.name);
    expect(listed).toContain(police.name);
    await officer.locator('tbody').getByRole('link').click();
    await expect(officer.title()).resolves.toBe('Match — Verwijsindex');
    await expectAccessible(officer);
    expect(await officer.getByRole('button', { name: 'Ik heb contact gehad' }).count()).toBe(0);

    // The deadline passes without contact: the worker escalates, and the officer records handling it.
    const [{ id: escalatedId }] = await api.dataSource.query(`SELECT id FROM matches`);
    await api.dataSource.query(
      `UPDATE matches SET reminder_due_on = current_date - 2, escalation_due_on = current_date - 1 WHERE id = $1`,
      [escalatedId],
    );
    await waitFor('the escalation', async () => {
      const [match] = await api.dataSource.query(`SELECT escalated_at FROM matches WHERE id = $1`, [escalatedId]);
      return !!match.escalated_at;
    });
    await officer.reload();
    await officer.getByRole('heading', { name: 'Escalatie afhandelen' }).waitFor();
    await officer.getByRole('button', { name: 'Afhandeling vastleggen' }).click();
    expect(await officer.locator('#veld-contacted-fout').textContent()).toMatch(/Kies wie u heeft gesproken/);
    expect(await officer.locator('#veld-outcome-fout').textContent()).toMatch(/Kies de uitkomst/);
    await expectAccessible(officer);
    await officer.getByLabel(`${school.name}`, { exact: false }).check();
    await officer.getByLabel(/nog geen contact tussen de betrokkenen/).check();
    await officer.getByLabel('Opnieuw bekijken op').fill(addDays(today(), 400));
    await officer.getByRole('button', { name: 'Afhandeling vastleggen' }).click();
    expect(await officer.locator('#veld-nextCheckOn-fout').textContent()).toMatch(/binnen 60 dagen/);
    expect(await officer.getByLabel(`${school.name}`, { exact: false }).isChecked()).toBe(true);
    expect(await api.dataSource.query(`SELECT 1 FROM match_escalation_actions`)).toEqual([]);
    const nextCheck = addDays(today(), 7);
    await officer.getByLabel('Opnieuw bekijken op').fill(nextCheck);
    await officer.getByRole('button', { name: 'Afhandeling vastleggen' }).click();
    await officer.getByText('De afhandeling van de escalatie is vastgelegd.').waitFor();
    expect(await officer.textContent('main')).toContain('Opvolging door de gemeente');
    await expectAccessible(officer);
    await screenshot(officer, 'escalatie');
    const [action] = await api.dataSource.query(
      `SELECT outcome, next_check_on::text, contacted_professional_ids, recorded_by_professional_id FROM match_escalation_actions`,
    );
    expect(action).toEqual({
      outcome: 'contact_pending',
      next_check_on: nextCheck,
      contacted_professional_ids: [school.professionalIds[0]],
      recorded_by_professional_id: officerId,
    });
    await officer.goto(`${portal.url}/werklijst?filter=escalated`);
    expect(await officer.textContent('tbody')).toContain('opnieuw bekijken op');

    // Both professionals confirm (here through their case systems): the match leaves the open list.
    const [{ id: matchId }] = await api.dataSource.query(`SELECT id FROM matches`);
    for (const organisation of [school, police])
      await api
        .http()
        .post(`/v1/matches/${matchId}/contact-confirmation`)
        .set({ Authorization: `Bearer ${organisation.secret}` })
        .send({ professionalId: organisation.professionalIds[0] })
        .expect(200);
    await officer.goto(`${portal.url}/werklijst`);
    await officer.getByText('Geen matches in deze lijst.').waitFor();
    await officer.getByLabel('Toon').selectOption('in_contact');
    await officer.getByRole('button', { name: 'Tonen' }).click();
    expect(await officer.locator('tbody tr').count()).toBe(1);
    expect(await officer.textContent('tbody')).toContain('In contact');
  });

  it('shows each mistake beside its field, keeps what was typed, and stores nothing', async () => {
    const { page } = await personAt(school);
    await page.getByRole('link', { name: 'Nieuwe melding' }).click();
    await page.getByRole('button', { name: 'Melding maken' }).click();
    expect(await page.getByLabel('BSN').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await page.getByLabel('BSN').fill('123456789'); // fails the eleven-test
    await page.getByLabel('Geboortedatum').fill(bornYearsAgo(9));
    await page.getByRole('button', { name: 'Melding maken' }).click();
    expect(await page.locator('#veld-bsn-fout').textContent()).toMatch(/geldig BSN/);
    expect(await page.locator('#bevestigen-fout').textContent()).toMatch(/7\.1\.4\.1/);
    expect(await page.getByLabel('BSN').inputValue()).toBe('123456789');
    expect(page.url()).not.toContain('123456789');
    await expectAccessible(page);

    await page.getByLabel('BSN').fill(aBsn());
    await page.getByLabel('Geboortedatum').fill(bornYearsAgo(30));
    await page.getByLabel(/artikel 7\.1\.4\.1 Jeugdwet/).check();
    await page.getByLabel(/spoedeisende uitzondering/).check();
    await page.getByRole('button', { name: 'Melding maken' }).click();
    expect(await page.locator('#veld-birthDate-fout').textContent()).toMatch(/23 jaar of ouder/);
    expect(await api.dataSource.query(`SELECT id FROM registrations`)).toEqual([]);

    // Without a BSN: surname, birth date and sex.
    await page.getByLabel('BSN').fill('');
    await page.getByLabel('Geboortedatum').fill(bornYearsAgo(17));
    await page.getByLabel('Achternaam').fill('van den Berg');
    await page.getByRole('button', { name: 'Melding maken' }).click();
    expect(await page.locator('#veld-sex-fout').textContent()).toMatch(/geslacht/);
    await page.getByLabel('Geslacht').selectOption('V');
    await page.getByRole('button', { name: 'Melding maken' }).click();
    await page.getByText('Uw melding staat in de verwijsindex.').waitFor();
    expect(await page.textContent('main')).toContain('de jongere (16 jaar of ouder)');
    const due = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(
      new Date(`${addWorkingDays(today(), 5)}T12:00:00Z`),
    );
    expect(await page.textContent('main')).toContain(`uiterlijk op ${due}`);
    const [stored] = await api.dataSource.query(`SELECT status FROM registrations`);
    expect(stored.status).toBe('active');

    // The information task after the urgent exception: informing later, or a postponement on a ground.
    await page.getByRole('link', { name: 'Deze melding bekijken' }).click();
    expect(await page.getByTestId('inform-state').textContent()).toContain(`Nog inlichten, uiterlijk ${due}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Uitstel vastleggen' }).click();
    expect(await page.locator('#veld-deferralGround-fout').textContent()).toContain('Kies de grond');
    expect(await page.locator('#veld-recheckOn-fout').textContent()).toContain('binnen zes maanden');
    await expectAccessible(page);
    await page.getByLabel('Ingelicht op').fill(addDays(today(), 3));
    await page.getByRole('button', { name: 'Ingelicht', exact: true }).click();
    expect(await page.locator('#veld-informedOn-fout').textContent()).toContain('niet in de toekomst');
    expect(await page.getByLabel('Ingelicht op').inputValue()).toBe(addDays(today(), 3));
    expect((await api.dataSource.query(`SELECT informed_on FROM registrations`))[0].informed_on).toBeNull();
    await page.getByLabel('Ingelicht op').fill(today());
    await page.getByRole('button', { name: 'Ingelicht', exact: true }).click();
    await page.getByText('Het inlichten is vastgelegd.').waitFor();
    expect(await page.getByTestId('inform-state').textContent()).toContain('Ingelicht op');
    await expectAccessible(page);
  });

  it('lists the own registrations only, and withdraws one with a reason', async () => {
    const { page, who } = await personAt(school, 0);
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(10) };
    await register(page, youth);
    // A colleague's registration is not the person's to see.
    await api
      .http()
      .post('/v1/registrations')
      .set({ Authorization: `Bearer ${school.secret}` })
      .send({ professionalId: school.professionalIds[1], youth: { bsn: aBsn(), birthDate: bornYearsAgo(11) } })
      .expect(201);
    await page.getByRole('link', { name: 'Mijn meldingen' }).click();
    await expectAccessible(page);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const [{ id: colleagues }] = await api.dataSource.query(`SELECT id FROM registrations WHERE professional_id = $1`, [
      school.professionalIds[1],
    ]);
    const response = await page.goto(`${portal.url}/meldingen/${colleagues}`);
    expect(response?.status()).toBe(404);

    await page.goto(`${portal.url}/meldingen`);
    await rows.first().getByRole('link').click();
    await page.getByRole('button', { name: 'Intrekken' }).click();
    expect(await page.locator('#reden-fout').textContent()).toMatch(/Kies waarom/);
    await expectAccessible(page);
    await page.getByLabel(/De melding was niet terecht/).check();
    await page.getByRole('button', { name: 'Intrekken' }).click();
    await page.getByText('U heeft geen lopende meldingen.').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Uw melding is ingetrokken.');
    const [withdrawn] = await api.dataSource.query(
      `SELECT status, removal_reason FROM registrations WHERE professional_id = $1`,
      [who.personId],
    );
    expect(withdrawn).toEqual({ status: 'withdrawn', removal_reason: 'unjustified' });
  });

  it('links the signal e-mail to the portal, which opens the signal after logging in; a colleague cannot open it', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(15) };
    const teacher = await personAt(school, 0);
    const mailsBefore = smtp.mails.length;
    await register(teacher.page, youth);
    await api
      .http()
      .post('/v1/registrations')
      .set({ Authorization: `Bearer ${police.secret}` })
      .send({ professionalId: police.professionalIds[0], youth })
      .expect(201);
    await waitUntilSettled(api.dataSource);
    await waitFor('the signal e-mail', () =>
      smtp.mails.slice(mailsBefore).some((m) => m.to.includes(teacher.who.email)),
    );
    const mail = smtp.mails.slice(mailsBefore).find((m) => m.to.includes(teacher.who.email))!;
    const link = new RegExp(`${portal.url}/signalen/[0-9a-f-]{36}`).exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(mail.text).not.toContain('/v1/');

    // A colleague of the same school opens the link: not theirs, so it does not exist for them.
    const colleague = await personAt(school, 1);
    const refused = await colleague.page.goto(link!);
    expect(refused?.status()).toBe(404);

    // Without a session the link asks for a login and then opens the signal.
    const context = await browser.newContext();
    contexts.push(context);
    const fresh = await context.newPage();
    await fresh.goto(link!);
    expect(new URL(fresh.url()).pathname).toBe('/inloggen');
    await fresh.getByLabel('E-mailadres').fill(teacher.who.email);
    await fresh.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await fresh.getByRole('button', { name: 'Inloggen' }).click();
    // The current TOTP step was spent at the first login: a recovery code, as someone on a new device would.
    await fresh.getByLabel('Verificatiecode').fill(teacher.who.recoveryCodes[0]);
    await fresh.getByRole('button', { name: 'Inloggen' }).click();
    await fresh.waitForURL(link!);
    await expect(fresh.title()).resolves.toBe('Signaal — Verwijsindex');
  });

  it('lets the coordinator sign a leaver off, whose registration goes to the successor chosen beside the field', async () => {
    const [leaver, successor] = school.professionalIds;
    await api
      .http()
      .post('/v1/registrations')
      .set({ Authorization: `Bearer ${school.secret}` })
      .send({ professionalId: leaver, youth: { bsn: aBsn(), birthDate: bornYearsAgo(11) } })
      .expect(201);
    const coordinator = await personAt(school, 'coordinator');
    await coordinator.page.getByRole('link', { name: 'Medewerkers' }).click();
    const [{ name: leaverName }] = await api.dataSource.query(`SELECT name FROM professionals WHERE id = $1`, [leaver]);
    // The coordinator is designated by the administrator: no sign-off here.
    expect(await coordinator.page.getByRole('link', { name: /^Afmelden/ }).count()).toBe(2);
    await coordinator.page.getByRole('link', { name: `Afmelden ${leaverName}` }).click();
    await expect(coordinator.page.title()).resolves.toBe(`${leaverName} afmelden — Verwijsindex`);
    await expectAccessible(coordinator.page);
    await coordinator.page.getByRole('button', { name: `${leaverName} afmelden` }).click();
    expect(await coordinator.page.locator('#veld-successorId-fout').textContent()).toMatch(/Kies een opvolger/);
    expect(await coordinator.page.getByLabel('Opvolger').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(coordinator.page);
    const [{ active }] = await api.dataSource.query(`SELECT active FROM professionals WHERE id = $1`, [leaver]);
    expect(active).toBe(true);
    await coordinator.page.getByLabel('Opvolger').selectOption(successor);
    await coordinator.page.getByRole('button', { name: `${leaverName} afmelden` }).click();
    await coordinator.page.getByText('De medewerker is afgemeld').waitFor();
    expect(await coordinator.page.textContent('tbody')).not.toContain(leaverName);
    expect(await api.dataSource.query(`SELECT professional_id FROM registrations WHERE status = 'active'`)).toEqual([
      { professional_id: successor },
    ]);
    const [audit] = await api.dataSource.query(
      `SELECT actor_professional_id FROM audit_events WHERE action = 'professional.deactivated' AND object_id = $1`,
      [leaver],
    );
    expect(audit.actor_professional_id).toBe(school.coordinatorId);
    // A coordinator's own page for the coordinator is not there.
    const response = await coordinator.page.goto(`${portal.url}/medewerkers/${school.coordinatorId}/afmelden`);
    expect(response?.status()).toBe(404);
  });

  it('lets the coordinator arrange a stand-in, who then receives the signal and confirms contact namens the colleague', async () => {
    const [away, colleague] = school.professionalIds;
    const coordinator = await personAt(school, 'coordinator');
    await coordinator.page.getByRole('link', { name: 'Medewerkers' }).click();
    await expect(coordinator.page.title()).resolves.toBe('Medewerkers — Verwijsindex');
    await expectAccessible(coordinator.page);
    const awayName = (await api.dataSource.query(`SELECT name FROM professionals WHERE id = $1`, [away]))[0].name;
    await coordinator.page.getByRole('link', { name: `Vervanging regelen voor ${awayName}` }).click();
    await expectAccessible(coordinator.page);
    // A last day before the first is refused beside the field, and nothing is stored.
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await coordinator.page.getByLabel('Vervanger').selectOption(colleague);
    await coordinator.page.getByLabel('Laatste dag').fill('2020-01-01');
    await coordinator.page.getByRole('button', { name: 'Vervanging opslaan' }).click();
    expect(await coordinator.page.locator('#veld-until-fout').textContent()).toMatch(/laatste dag/);
    expect(await api.dataSource.query(`SELECT * FROM stand_ins`)).toEqual([]);
    await expectAccessible(coordinator.page);
    await coordinator.page.getByLabel('Laatste dag').fill(until);
    await coordinator.page.getByRole('button', { name: 'Vervanging opslaan' }).click();
    await coordinator.page.getByText('De vervanging is opgeslagen.').waitFor();
    await screenshot(coordinator.page, 'medewerkers');

    // The absent colleague's registration meets the police's: the stand-in gets the signal too.
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    for (const [organisation, professionalId] of [
      [school, away],
      [police, police.professionalIds[0]],
    ] as const)
      await api
        .http()
        .post('/v1/registrations')
        .set({ Authorization: `Bearer ${organisation.secret}` })
        .send({ professionalId, youth })
        .expect(201);
    await waitUntilSettled(api.dataSource);
    const standIn = await personAt(school, 1);
    await standIn.page.getByRole('link', { name: 'Signalen' }).click();
    expect(await standIn.page.textContent('tbody')).toContain(`namens ${awayName}`);
    await standIn.page.getByRole('link', { name: /^Match: ook anderen/ }).click();
    expect(await standIn.page.textContent('main')).toContain(
      `U ontvangt dit signaal als vervanger, namens ${awayName}.`,
    );
    await standIn.page.getByRole('link', { name: 'Naar de match' }).click();
    await standIn.page.getByRole('button', { name: 'Ik heb contact gehad' }).click();
    await standIn.page.getByText('Vastgelegd: u heeft contact gehad.').waitFor();
    const main = (await standIn.page.textContent('main'))!.replace(/\s+/g, ' ');
    expect(main).toContain(`door ${standIn.who.name} (namens ${awayName})`);
    await expectAccessible(standIn.page);
    const [confirmed] = await api.dataSource.query(
      `SELECT contact_confirmed_by_professional_id FROM match_participants WHERE professional_id = $1`,
      [away],
    );
    expect(confirmed.contact_confirmed_by_professional_id).toBe(colleague);
  });

  it('lets a coordinator report a breach with the 24-hour clock shown, which the privacy officer follows in the register', async () => {
    await api
      .http()
      .patch(`/v1/organisations/${police.id}`)
      .set({ Authorization: `Bearer ${ADMIN_KEY}` })
      .send({ breachNotificationEmail: 'datalek@politie.example.org' })
      .expect(200);
    const coordinator = await personAt(school, 'coordinator');
    await coordinator.page.getByRole('link', { name: 'Datalek melden' }).click();
    await expectAccessible(coordinator.page);
    await coordinator.page.getByRole('button', { name: 'Datalek melden' }).click();
    expect(await coordinator.page.locator('#veld-summary-fout').textContent()).toMatch(/Beschrijf/);
    expect(await api.dataSource.query(`SELECT id FROM incidents`)).toEqual([]);
    await coordinator.page
      .getByLabel('Wat is er gebeurd?')
      .fill('Een signaal is per abuis doorgestuurd naar een collega.');
    await coordinator.page.getByRole('button', { name: 'Datalek melden' }).click();
    await coordinator.page.getByText(/Uw melding INC-\d+ is ontvangen\./).waitFor();
    expect(await coordinator.page.getByTestId('partners-clock').textContent()).toMatch(/nog 2[34] uur/);
    await expectAccessible(coordinator.page);
    await screenshot(coordinator.page, 'datalek-gemeld');
    const [incident] = await api.dataSource.query(`SELECT reported_by, reported_by_person FROM incidents`);
    expect(incident).toEqual({ reported_by: null, reported_by_person: school.coordinatorId });

    await waitFor('the breach e-mail to the police', () =>
      smtp.mails.some((m) => m.to.includes('datalek@politie.example.org')),
    );
    await waitUntilSettled(api.dataSource);
    const [{ id: gemeente }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    const privacyOfficerId = (
      await api
        .http()
        .post(`/v1/organisations/${gemeente}/professionals`)
        .set({ Authorization: `Bearer ${ADMIN_KEY}` })
        .send({ name: 'P. Rivacy', email: 'fg@venlo.example.org', phone: '+31 77 359 0000', role: 'privacy_officer' })
        .expect(201)
    ).body.id as string;
    const context = await browser.newContext();
    contexts.push(context);
    const officer = await context.newPage();
    await logIn(
      officer,
      portal.url,
      await enrol(api, smtp, officer, { id: gemeente } as TestOrganisation, privacyOfficerId),
    );
    await officer.getByRole('link', { name: 'Datalekken' }).click();
    await expectAccessible(officer);
    const register = ((await officer.textContent('main')) ?? '').replace(/\s+/g, ' ');
    expect(register).toContain('Een signaal is per abuis doorgestuurd naar een collega.');
    expect(register).toMatch(/Alle 1 partners ingelicht, op .* \(op tijd\)\./);
    expect(register).toMatch(/Autoriteit Persoonsgegevens uiterlijk .* \(nog 7[01] uur\)/);

    // The decision on the Autoriteit (72 hours) and an update to every partner that closes it (8.3).
    await officer.getByRole('link', { name: /^Opvolgen INC-/ }).click();
    await expect(officer.title()).resolves.toMatch(/^Datalek INC-\d+ — Verwijsindex$/);
    await expectAccessible(officer);
    await officer.getByLabel('Meldnummer van de Autoriteit (niet verplicht)').fill('AP-2026-777');
    await officer.getByRole('button', { name: 'Besluit vastleggen' }).click();
    expect(await officer.locator('#veld-decision-fout').textContent()).toContain('Kies of het datalek gemeld is');
    expect(await officer.getByLabel('Meldnummer van de Autoriteit (niet verplicht)').inputValue()).toBe('AP-2026-777');
    await expectAccessible(officer);
    await officer.getByLabel(/^Niet gemeld/).check();
    await officer.getByRole('button', { name: 'Besluit vastleggen' }).click();
    expect(await officer.locator('#veld-authorityReference-fout').textContent()).toContain('alleen bij een melding');
    await officer.getByLabel('Gemeld bij de Autoriteit Persoonsgegevens').check();
    await officer.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await officer.getByText('Het besluit is vastgelegd.').waitFor();
    expect(await officer.textContent('main')).toMatch(/meldnummer AP-2026-777.*\(binnen 72 uur\)/s);

    await officer.getByRole('button', { name: 'Update versturen' }).click();
    expect(await officer.locator('#veld-summary-fout').textContent()).toContain('Beschrijf wat er nieuw is');
    await officer
      .getByLabel('Wat is er nieuw?')
      .fill('De collega heeft het signaal verwijderd; adressen worden nu gecontroleerd.');
    await officer.getByLabel('Met deze update is het datalek afgesloten').check();
    await officer.getByRole('button', { name: 'Update versturen' }).click();
    await officer.getByText('De update gaat nu per e-mail naar alle partners.').waitFor();
    expect(await officer.getByRole('button', { name: 'Update versturen' }).count()).toBe(0);
    await waitFor('the update e-mail to the police', () =>
      smtp.mails.some((m) => m.to.includes('datalek@politie.example.org') && m.subject.startsWith('Update 1 ')),
    );
    await waitFor('the update recorded as delivered', async () => {
      const [round] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM incident_notifications WHERE round = 1 AND status = 'notified'`,
      );
      return round.n === 1;
    });
    await officer.reload();
    expect(await officer.textContent('main')).toContain('1 van 1 partners ingelicht.');
    await expectAccessible(officer);
    await screenshot(officer, 'datalek-opvolgen');
    const [followed] = await api.dataSource.query(
      `SELECT i.authority_decision, i.authority_reference, i.authority_decided_by_person, i.closed_at IS NOT NULL AS closed,
              (SELECT count(*)::int FROM incident_updates u WHERE u.incident_id = i.id) AS updates
         FROM incidents i`,
    );
    expect(followed).toEqual({
      authority_decision: 'notified',
      authority_reference: 'AP-2026-777',
      authority_decided_by_person: privacyOfficerId,
      closed: true,
      updates: 1,
    });
  });

  it('lets a person choose one daily e-mail instead of one per signal, and back', async () => {
    const coordinator = await personAt(school, 'coordinator');
    const { page } = coordinator;
    await page.getByRole('link', { name: 'Mijn e-mail' }).click();
    await expect(page.title()).resolves.toBe('Mijn e-mail — Verwijsindex');
    expect(await page.getByLabel('Bij ieder signaal een e-mail').isChecked()).toBe(true);
    await expectAccessible(page);
    const stored = async () =>
      (await api.dataSource.query(`SELECT signal_digest FROM professionals WHERE id = $1`, [school.coordinatorId]))[0]
        .signal_digest;
    await page.getByLabel('Eén e-mail per dag met alle nieuwe signalen').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Uw keuze is opgeslagen.').waitFor();
    expect(await page.getByLabel('Eén e-mail per dag met alle nieuwe signalen').isChecked()).toBe(true);
    expect(await stored()).toBe(true);
    await expectAccessible(page);
    const [audited] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'professional.signal-digest-set' AND object_id = $1`,
      [school.coordinatorId],
    );
    expect(audited.details).toEqual({ daily: true });
    await page.getByLabel('Bij ieder signaal een e-mail').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Uw keuze is opgeslagen.').waitFor();
    expect(await stored()).toBe(false);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await reflows(page)).toBe(true);
  });

  it("serves the deployment's theme after the default design tokens", async () => {
    const theme = await fetch(`${portal.url}/assets/theme.css`);
    expect(await theme.text()).toBe(THEME);
    const login = await (await fetch(`${portal.url}/inloggen`)).text();
    expect(login.indexOf('/assets/design-tokens.css')).toBeLessThan(login.indexOf('/assets/theme.css'));
  });

  it('works by keyboard and reflows at 320 CSS pixels on the registration form', async () => {
    const { page } = await personAt(school);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${portal.url}/meldingen/nieuw`);
    expect(await reflows(page)).toBe(true);
    await page.locator('#veld-bsn').focus();
    await page.keyboard.type(aBsn());
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('veld-birthDate');
    const reached: string[] = [];
    for (let i = 0; i < 12 && !reached.includes('Melding maken'); i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate<string>('document.activeElement.textContent.trim()'));
    }
    expect(reached).toContain('Melding maken');
  });
});
