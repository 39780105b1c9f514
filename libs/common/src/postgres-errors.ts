/** True when a query failed on a unique constraint (optionally: this one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ??
    (error as { code?: string; constraint?: string });
  return driver?.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}

/** Socket errors and PostgreSQL's own codes for a server that is down, restarting or refusing connections. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down|in recovery mode)|terminating connection/i;

/** True when an error means PostgreSQL cannot be reached right now (answer 503 and retry later), not that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown })?.driverError, (error as { cause?: unknown })?.cause];
  return candidates.some((candidate) => {
    const e = candidate as { code?: string; message?: string; errno?: string } | undefined;
    if (!e) return false;
    return UNAVAILABLE_CODES.has(String(e.code ?? e.errno ?? '')) || UNAVAILABLE_MESSAGES.test(String(e.message ?? ''));
  });
}
