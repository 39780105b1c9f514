import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from './browser';
import { aPersonOf, TestOrganisation } from './factories';
import { waitFor } from './processes';
import type { startSmtpSink } from './receivers';
import { bearer, TestApi } from './test-api';
import { ADMIN_KEY } from './test-config';

export const PASSWORD = 'een lange zin als wachtwoord';

/** A code of the next time step: enrolment spent the current one, and a step is never accepted twice. */
export const nextCode = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

export interface Enrolled {
  personId: string;
  email: string;
  name: string;
  secret: string;
  recoveryCodes: string[];
}

type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

export const expectAccessible = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

/** Has the person invited through the API and answers the link of the invitation e-mail. */
export async function invitationLink(
  api: TestApi,
  smtp: SmtpSink,
  organisation: TestOrganisation,
  id: string,
  key = ADMIN_KEY,
): Promise<string> {
  const before = smtp.mails.length;
  const sent = await api
    .http()
    .post(`/v1/organisations/${organisation.id}/professionals/${id}/invitation`)
    .set(bearer(key))
    .expect(202);
  await waitFor('the invitation e-mail', () => smtp.mails.length > before, 10_000);
  const mail = smtp.mails[smtp.mails.length - 1];
  expect(mail.to).toEqual([sent.body.sentTo]);
  expect(mail.subject).toBe('Uw account voor de verwijsindex');
  return /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
}

/** Opens an invitation link and sets a password and TOTP; answers the TOTP secret and the recovery codes. */
export async function activate(page: Page, link: string): Promise<Pick<Enrolled, 'secret' | 'recoveryCodes'>> {
  await page.goto(link);
  await expect(page.title()).resolves.toBe('Account activeren — Verwijsindex');
  await expectAccessible(page);
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
  await page.getByLabel('Verificatiecode').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
  await expectAccessible(page);
  const recoveryCodes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
  return { secret, recoveryCodes };
}

/** Invites a designated person and activates the account in `page`. */
export async function enrol(
  api: TestApi,
  smtp: SmtpSink,
  page: Page,
  organisation: TestOrganisation,
  id: string,
  key = ADMIN_KEY,
): Promise<Enrolled> {
  const who = await aPersonOf(api, organisation, id, key);
  const { secret, recoveryCodes } = await activate(page, await invitationLink(api, smtp, organisation, id, key));
  return { personId: id, email: who.email, name: who.name, secret, recoveryCodes };
}

export async function submitPassword(page: Page, portalUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${portalUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Logs in with password and the next TOTP code (or `code`), on the login page or the page given. */
export async function logIn(page: Page, portalUrl: string, who: Enrolled, code = nextCode(who.secret)): Promise<void> {
  await submitPassword(page, portalUrl, who.email, PASSWORD);
  await page.getByLabel('Verificatiecode').fill(code);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}
