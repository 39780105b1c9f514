import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { brpRefused, brpUnavailable } from './brp-errors';

/** OAuth2 client credentials for the BRP gateway (when configured): one token at a time, renewed before it expires. */
@Injectable()
export class BrpTokens {
  private token?: { value: string; until: number };

  constructor(private readonly config: AppConfig) {}

  /** A bearer token, or undefined when the gateway takes an API key instead. */
  async bearer(): Promise<string | undefined> {
    const { BRP_TOKEN_URL: url, BRP_CLIENT_ID: id, BRP_CLIENT_SECRET: secret } = this.config;
    if (!url || !id || !secret) return undefined;
    if (this.token && this.token.until > Date.now()) return this.token.value;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        signal: AbortSignal.timeout(this.config.BRP_TIMEOUT_MS),
      });
    } catch {
      throw brpUnavailable('token endpoint unreachable');
    }
    if (response.status >= 500) throw brpUnavailable(`token endpoint HTTP ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (response.status !== 200 || typeof body.access_token !== 'string') throw brpRefused(response.status);
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.token = { value: body.access_token, until: Date.now() + Math.max(seconds - 30, 5) * 1000 };
    return this.token.value;
  }

  /** The headers of a JSON request to the gateway: a bearer token, or the API key in its header. */
  async headers(): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json; charset=utf-8',
    };
    const token = await this.bearer();
    if (token) headers.authorization = `Bearer ${token}`;
    else if (this.config.BRP_API_KEY) headers[this.config.BRP_API_KEY_HEADER] = this.config.BRP_API_KEY;
    return headers;
  }

  /** After a 401: the next request fetches a new token. */
  forget(): void {
    this.token = undefined;
  }
}
