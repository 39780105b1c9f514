import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { isPrivateAddress } from '@vir/common';
import { AppConfig } from '@vir/config';

/** A request that sends nothing and receives nothing for this long is given up. */
const IDLE_TIMEOUT_MS = 10_000;

/** The error code of a connection refused because its host resolved to a private address. */
export const PRIVATE_ADDRESS = 'EPRIVATE';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves like the system resolver, but fails when an address is private or loopback. Used for
 * every connection in production, so the address checked is the address connected to: a DNS answer
 * that changes between the check and the request (DNS rebinding) cannot point a webhook inward.
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private or loopback address`), { code: PRIVATE_ADDRESS }), []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/**
 * HTTP(S) POSTs for webhooks over keep-alive connections per host (a case system receives many
 * signals in a row). Redirects are not followed: anything but 2xx is the receiver's answer.
 */
@Injectable()
export class WebhookClient implements OnApplicationShutdown {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(config: AppConfig) {
    const options = { keepAlive: true, maxSockets: 64, ...(config.isProduction ? { lookup: publicOnlyLookup } : {}) };
    this.http = new HttpAgent(options);
    this.https = new HttpsAgent(options);
  }

  /** Resolves with the receiver's status code (its body is read and dropped); rejects on a network failure or timeout. */
  post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const options: RequestOptions = {
      method: 'POST',
      agent: secure ? this.https : this.http,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      timeout: IDLE_TIMEOUT_MS,
    };
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(target, options, (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      });
      request.on('timeout', () => request.destroy(Object.assign(new Error('no answer in time'), { name: 'TimeoutError' })));
      request.on('error', reject);
      request.end(body);
    });
  }

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
