import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Verwijsindex-Signature';
export const TIMESTAMP_HEADER = 'X-Verwijsindex-Timestamp';

/**
 * A CloudEvent (structured mode) as a receiver gets it, with its headers: the signature is the
 * HMAC-SHA-256 of `<timestamp>.<body>` under the organisation's webhook secret.
 */
export function signedCloudEvent(
  event: { id: string; source: string; type: string; data: Record<string, unknown> },
  secret: string,
  now = new Date(),
): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify({
    specversion: '1.0',
    id: event.id,
    source: event.source,
    type: event.type,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  });
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    headers: {
      'content-type': 'application/cloudevents+json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: `sha256=${signature}`,
    },
    body,
  };
}

/** What one attempt on one channel came to: the receiver's answer, or why it failed. */
export type Attempt = { ok: true; response: string } | { ok: false; reason: string; permanent: boolean };
