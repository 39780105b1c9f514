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
