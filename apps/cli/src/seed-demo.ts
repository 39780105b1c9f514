import { createHmac } from 'node:crypto';
import { AppConfig } from '@vir/config';
import { DemoAccounts, IdentityProviders } from '@vir/identity';
import { DEMO_SSO_ORGANISATION, OrganisationsBootstrap } from '@vir/organisations';
import { YouthKeyService } from '@vir/pseudonymisation';
import { AddressExclusions } from '@vir/registrations';
import { DataSource } from 'typeorm';

type Get = <S>(type: new (...args: never[]) => S) => S;

/** One line of `.data/dev/demo-logins.json` (the fixed contract of `npm start`). */
export interface DemoLoginLine {
  role: string;
  organisation: string;
  municipalityCode: string;
  email: string;
  password: string;
  /** null for a person who logs in through the organisation's identity provider (which asks its own second factor). */
  totpSecret: string | null;
  loginVia: 'password' | 'oidc';
}

export interface DemoIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The care institution of the demo persons (Hogeweg 3, Venlo) on Venlo's register of excluded addresses. */
async function demoAddressExclusions(get: Get): Promise<void> {
  const register = new AddressExclusions(new YouthKeyService(get(AppConfig)));
  await get(DataSource).transaction(async (manager) => {
    const municipalityCode = get(AppConfig).VIR_MUNICIPALITY_CODE;
    const entry = { bagId: null, postcode: '5914SK', houseNumber: 3, reason: 'Zorginstelling (Wet BRP 2.40)' };
    if ((await register.present(manager, municipalityCode, [entry])).size > 0) return;
    await register.add(manager, { municipalityCode, credentialId: null }, [entry]);
  });
}

/**
 * The demo region, and a login for each of its demo people: a built-in account (password and TOTP),
 * or — for the people of DEMO_SSO_ORGANISATION when a demo identity provider is given — a login
 * through that provider, which is connected to the organisation here.
 */
export async function seedDemo(get: Get, provider?: DemoIdentityProvider) {
  const summary = await get(OrganisationsBootstrap).seedVenloDemo();
  await demoAddressExclusions(get);
  const viaProvider = provider ? summary.people.filter((p) => p.organisation === DEMO_SSO_ORGANISATION) : [];
  const builtIn = summary.people.filter((p) => !viaProvider.includes(p));
  const accounts = new Map(
    (await get(DemoAccounts).ensure(builtIn.map((p) => ({ personId: p.personId, email: p.email })))).map((a) => [
      a.personId,
      a,
    ]),
  );
  if (provider) {
    const organisation = summary.credentials.find((c) => c.organisation === DEMO_SSO_ORGANISATION);
    if (organisation)
      await get(IdentityProviders).set(
        get(DataSource).manager,
        organisation.organisationId,
        provider.issuer,
        provider.clientId,
        provider.clientSecret,
      );
  }
  const key = get(AppConfig).VIR_PSEUDONYM_KEY;
  const logins: DemoLoginLine[] = summary.people.map((p) => {
    const account = accounts.get(p.personId);
    const common = { role: p.role, organisation: p.organisation, municipalityCode: p.municipalityCode, email: p.email };
    return account
      ? { ...common, password: account.password, totpSecret: account.totpSecret, loginVia: 'password' }
      : {
          ...common,
          // What to type on the demo provider's page (its development login takes the e-mail address as the account).
          password: `idp-${createHmac('sha256', key).update(`demo-idp|${p.personId}`).digest('base64url').slice(0, 12)}`,
          totpSecret: null,
          loginVia: 'oidc',
        };
  });
  return { summary, logins };
}
