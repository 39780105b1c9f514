import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Whether an address is an ordinary public unicast address. Everything the IANA special-purpose
 * registries set apart is refused — loopback, private, link-local, carrier-grade NAT, benchmarking,
 * documentation, multicast, reserved, and the IPv6 forms that carry or reach an IPv4 address
 * (IPv4-mapped and -compatible, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo). Anything that does not
 * parse is refused too: the check fails closed.
 */
export function isPublicAddress(address: string): boolean {
  const literal = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(literal)) return false;
  return ipaddr.parse(literal).range() === 'unicast';
}

/** True when `host` is written as an IP address (not a name). */
export function isAddressLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}

export interface WebhookTargetPolicy {
  /** Development and tests only (WEBHOOK_ALLOW_PRIVATE_TARGETS): http and inward addresses are allowed. */
  allowPrivate: boolean;
  /**
   * Look the host name up and check every address it resolves to (when the URL is set). Deliveries
   * pass false: their HTTP client checks each address as it connects, so a DNS change between the
   * check and the request cannot point a webhook inward.
   */
  resolve?: boolean;
}

/** Why a webhook URL may not be used, or undefined when it may. A webhook must be a public https URL unless private targets are allowed. */
export async function webhookTargetProblem(
  url: string,
  { allowPrivate, resolve = true }: WebhookTargetPolicy,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return 'must use http or https';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (allowPrivate) return undefined;
  if (parsed.protocol !== 'https:') return 'must use https';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // An address literal is never looked up on connect, so it is always checked here.
  if (isAddressLiteral(host)) return isPublicAddress(host) ? undefined : 'resolves to a private or loopback address';
  if (!resolve) return undefined;
  const addresses = await lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (addresses.length === 0) return 'host does not resolve';
  if (addresses.some((a) => !isPublicAddress(a.address))) return 'resolves to a private or loopback address';
  return undefined;
}
