import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
export const TRACEPARENT_HEADER = 'traceparent';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** W3C Trace Context: version 00, a 16-byte trace id, an 8-byte parent id, flags; all-zero ids are invalid. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

function first(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/**
 * The correlation id of a request. A caller's id is stored in the append-only audit log, the
 * outbox, Redis and the logs, so only values that cannot carry data are taken: a UUID in
 * X-Correlation-Id, else the trace id of a W3C `traceparent`. Anything else (a BSN, a name, free
 * text) is ignored and a new UUID is made.
 */
export function correlationIdFrom(headers: Record<string, string | string[] | undefined>): string {
  const given = first(headers[CORRELATION_HEADER])?.trim();
  if (given && UUID.test(given)) return given.toLowerCase();
  const trace = TRACEPARENT.exec(first(headers[TRACEPARENT_HEADER])?.trim().toLowerCase() ?? '');
  if (trace && !/^0+$/.test(trace[1]) && !/^0+$/.test(trace[2])) return trace[1];
  return randomUUID();
}
