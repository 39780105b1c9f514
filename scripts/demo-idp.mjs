#!/usr/bin/env node
/*
 * A local OpenID Connect provider (panva's oidc-provider) that plays an organisation's own identity
 * provider: for `npm start`'s demo and for the tests. Never for production — its login page is the
 * library's development interaction, which takes the account's login name (here: the e-mail address).
 *
 *   node scripts/demo-idp.mjs <port> <config.json>
 *
 * config.json: { "issuer": "http://127.0.0.1:<port>",
 *                "clients": [{ "client_id", "client_secret", "redirect_uris": [...] }],
 *                "accounts": { "<login>": { "email", "email_verified", "name" } } }
 * The file is read again on every login, so a test can change an account by rewriting it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, configFile] = process.argv.slice(2);
if (!port || !configFile) {
  process.stderr.write('usage: node scripts/demo-idp.mjs <port> <config.json>\n');
  process.exit(2);
}
const read = () => JSON.parse(readFileSync(configFile, 'utf8'));
const { issuer, clients } = read();

const provider = new Provider(issuer, {
  clients: clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  scopes: ['openid', 'email'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  pkce: { required: () => true },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = read().accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      claims: () => ({ sub: id, email: account.email, email_verified: account.email_verified === true }),
    };
  },
  // A first-party login: the people of the organisation are not asked to consent to their own index.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email');
    grant.addOIDCClaims(['email', 'email_verified']);
    await grant.save();
    return grant;
  },
});

const server = provider.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: 'demo identity provider listening', issuer })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
