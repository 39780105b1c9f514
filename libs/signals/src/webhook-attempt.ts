import { webhookTargetProblem } from '@vir/common';
import { PRIVATE_ADDRESS, WebhookClient } from './webhook-client';
import { Attempt, signedCloudEvent } from './webhook-event';

/**
 * Posts one signed CloudEvent to `url`: a 2xx answer is delivered; anything else, a refused target or a
 * network failure is a failure that may be retried. The receiver's own words are never kept.
 */
export async function attemptWebhook(
  client: WebhookClient,
  allowPrivate: boolean,
  target: { url: string; secret: string },
  event: Parameters<typeof signedCloudEvent>[0],
): Promise<Attempt> {
  const problem = await webhookTargetProblem(target.url, { allowPrivate, resolve: false });
  if (problem) return { ok: false, reason: `refused: ${problem}`, permanent: false };
  const { headers, body } = signedCloudEvent(event, target.secret);
  try {
    const status = await client.post(target.url, headers, body);
    const response = `http ${status}`;
    return status >= 200 && status < 300 ? { ok: true, response } : { ok: false, reason: response, permanent: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === PRIVATE_ADDRESS)
      return { ok: false, reason: 'refused: resolves to a private or loopback address', permanent: false };
    return { ok: false, reason: `network ${code ?? (error as Error).name}`, permanent: false };
  }
}
