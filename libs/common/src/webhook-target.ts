import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * In production a webhook may only reach public addresses (no SSRF into the hosting network):
 * the host is resolved and every address it resolves to must be public. Checked when the URL is
 * set; deliveries check the URL without resolving (`resolve: false`), because their HTTP client
 * checks every address as it connects, so a DNS change cannot point a webhook inward later.
 */
export async function webhookTargetProblem(url: string, production: boolean, { resolve = true } = {}): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (production && parsed.protocol !== 'https:') return 'must use https';
  if (!['http:', 'https:'].includes(parsed.protocol)) return 'must use http or https';
  if (!production) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // An address literal is never looked up on connect, so it is always checked here.
  if (!isIP(host) && !resolve) return undefined;
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) return 'host does not resolve';
  if (addresses.some((a) => isPrivateAddress(a.address))) return 'resolves to a private or loopback address';
  return undefined;
}
