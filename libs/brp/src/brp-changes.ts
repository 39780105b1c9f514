import { Injectable, Logger } from '@nestjs/common';
import type { IsoDate } from '@vir/common';
import { AppConfig } from '@vir/config';
import { BrpError, brpInvalidAnswer, brpRefused, brpUnavailable } from './brp-errors';
import { BrpTokens } from './brp-tokens';

/**
 * Where the index learns which followed persons changed in the BRP (moves, deaths). The rules that
 * act on a change never see which source told them: the Update API, asking again (the fallback), or
 * a future source (the national BRP event API, CloudEvents) would be one more implementation.
 */
export abstract class BrpChangeSource {
  /** Start following these persons (a volgindicatie each, where the source has them). */
  abstract follow(bsns: string[]): Promise<void>;
  /** Stop following them. */
  abstract unfollow(bsns: string[]): Promise<void>;
  /**
   * The BSNs of followed persons whose data changed on or after `since`; `everyone` when the source
   * cannot tell, and every followed person must be asked about again in turn.
   */
  abstract changedSince(since: IsoDate): Promise<string[] | 'everyone'>;
}

const BSN = /^[0-9]{9}$/;

/**
 * The Haal Centraal BRP Update API of the gemeente's gateway (BRP_UPDATE_URL): `PUT
 * /volgindicaties/{bsn}` to follow (an empty body) and to end (einddatum today), `GET
 * /wijzigingen?vanaf=` for who changed. Same authentication and timeout as the Personen API.
 */
@Injectable()
export class BrpUpdateApi extends BrpChangeSource {
  private readonly logger = new Logger(BrpUpdateApi.name);

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: BrpTokens,
  ) {
    super();
  }

  async follow(bsns: string[]): Promise<void> {
    for (const bsn of bsns) await this.request('PUT', `/volgindicaties/${bsn}`, {});
  }

  async unfollow(bsns: string[]): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    for (const bsn of bsns) await this.request('PUT', `/volgindicaties/${bsn}`, { einddatum: today });
  }

  async changedSince(since: IsoDate): Promise<string[]> {
    const answer = await this.request('GET', `/wijzigingen?vanaf=${since}`);
    const list = (answer as { burgerservicenummers?: unknown }).burgerservicenummers;
    if (list === undefined) return [];
    if (!Array.isArray(list) || !list.every((b) => typeof b === 'string' && BSN.test(b)))
      throw brpInvalidAnswer('burgerservicenummers');
    return list as string[];
  }

  private async request(method: 'GET' | 'PUT', path: string, body?: object): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${(this.config.BRP_UPDATE_URL as string).replace(/\/$/, '')}${path}`, {
        method,
        headers: await this.tokens.headers(),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.BRP_TIMEOUT_MS),
      });
    } catch (error) {
      throw brpUnavailable((error as Error).name === 'TimeoutError' ? 'timeout' : 'network error');
    }
    const text = await response.text();
    if (response.status === 429 || response.status >= 500) throw brpUnavailable(`HTTP ${response.status}`);
    if (response.status >= 400) {
      if (response.status === 401) this.tokens.forget();
      const error: BrpError = brpRefused(response.status);
      this.logger.warn({ brp: error.reason, method, status: response.status }, 'BRP Update API refused a request');
      throw error;
    }
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      throw brpInvalidAnswer('the body (not JSON)');
    }
  }
}

/** No Update API: nothing to set, and every followed person is asked about again in turn. */
@Injectable()
export class BrpRequery extends BrpChangeSource {
  follow(): Promise<void> {
    return Promise.resolve();
  }

  unfollow(): Promise<void> {
    return Promise.resolve();
  }

  changedSince(): Promise<'everyone'> {
    return Promise.resolve('everyone');
  }
}
