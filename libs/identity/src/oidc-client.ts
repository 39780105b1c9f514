import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import * as oidc from 'openid-client';
import type { IdentityProviderSettings } from './identity-providers';
import { redirectUriOf } from './redirect-uri';

const DISCOVERY_TTL_MS = 10 * 60_000;

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedClaims {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
}

/**
 * The authorization code flow with PKCE (S256), state and nonce, through openid-client. A provider's
 * metadata is discovered on first use and kept for ten minutes; its issuer must be the configured one
 * (openid-client refuses a discovery document that names another).
 */
@Injectable()
export class OidcClient {
  private readonly discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

  constructor(private readonly config: AppConfig) {}

  get redirectUri(): string {
    return redirectUriOf(this.config);
  }

  async authorizationRequest(provider: IdentityProviderSettings): Promise<AuthorizationRequest> {
    const configuration = await this.configuration(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code of a callback; throws when state, nonce, PKCE, issuer or signature do not hold. */
  async verify(
    provider: IdentityProviderSettings,
    callback: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedClaims> {
    const configuration = await this.configuration(provider);
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider sent no ID token');
    // Providers that keep the ID token small give the e-mail claims at the userinfo endpoint only.
    const email =
      typeof claims.email === 'string'
        ? claims
        : await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof email.email === 'string' ? email.email : undefined,
      emailVerified: email.email_verified === true,
    };
  }

  private configuration(provider: IdentityProviderSettings): Promise<oidc.Configuration> {
    const key = `${provider.organisationId}|${provider.issuer}|${provider.clientId}`;
    const cached = this.discovered.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    const insecure = provider.issuer.startsWith('http:') && this.config.OIDC_ALLOW_HTTP && !this.config.isProduction;
    const configuration = oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      provider.clientSecret,
      undefined,
      insecure ? { execute: [oidc.allowInsecureRequests], timeout: 5 } : { timeout: 5 },
    );
    this.discovered.set(key, { at: Date.now(), configuration });
    configuration.catch(() => this.discovered.delete(key));
    return configuration;
  }
}
