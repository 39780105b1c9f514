import { randomUUID } from 'node:crypto';
import pino, { Logger } from 'pino';

/**
 * Paths removed from every log line. The service never logs request bodies, but a mistake
 * elsewhere must still not put a youth's identity or a secret into the logs.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'authorization',
  'secret',
  'bsn',
  'surname',
  'birthDate',
  'youth',
  '*.secret',
  '*.bsn',
  '*.surname',
  '*.birthDate',
  '*.youth',
  '*.*.bsn',
  '*.*.surname',
  '*.*.birthDate',
];

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function createRootLogger(service: string, level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ sync: false }),
  );
}

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** Reuses a caller's correlation id when it is well-formed, otherwise makes one. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_PATTERN.test(value) ? value : randomUUID();
}
