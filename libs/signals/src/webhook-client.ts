import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { isPublicAddress } from '@vir/common';
import { AppConfig } from '@vir/config';
import { Agent } from 'undici';

/** A connection, or an answer, that takes longer than this is given up. */
const IDLE_TIMEOUT_MS = 10_000;
/** Connections kept open to one receiving host at most. */
const CONNECTIONS_PER_HOST = 64;

/** The error code of a connection refused because its host resolved to a private address. */
export const PRIVATE_ADDRESS = 'EPRIVATE';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves like the system resolver, but fails when an address is private or loopback. Used for
 * every connection unless private targets are allowed (development), so the address checked is the address connected to: a DNS answer
 * that changes between the check and the request (DNS rebinding) cannot point a webhook inward.
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to a private or loopback address`), { code: PRIVATE_ADDRESS }),
        [],
      );
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/**
 * HTTP(S) POSTs for webhooks over keep-alive connections per host (a case system receives many
 * signals in a row), through undici, whose client costs about half the CPU per request of node:http.
 * Redirects are not followed: anything but 2xx is the receiver's answer.
 */
@Injectable()
export class WebhookClient implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(config: AppConfig) {
    this.agent = new Agent({
      connections: CONNECTIONS_PER_HOST,
      headersTimeout: IDLE_TIMEOUT_MS,
      bodyTimeout: IDLE_TIMEOUT_MS,
      connect: {
        timeout: IDLE_TIMEOUT_MS,
        ...(config.WEBHOOK_ALLOW_PRIVATE_TARGETS ? {} : { lookup: publicOnlyLookup }),
      },
    });
  }

  /** Resolves with the receiver's status code (its body is read and dropped); rejects on a network failure or timeout. */
  async post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const target = new URL(url);
    const response = await this.agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      headers,
      body,
    });
    await response.body.dump();
    return response.statusCode;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.destroy();
  }
}
