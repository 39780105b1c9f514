import { AppConfig, loadConfig } from '../../libs/config/src';
import { assertTestDatabase } from '../../libs/database/src';

export const ADMIN_KEY = 'test-bootstrap-admin-key-0123456789';
export const PSEUDONYM_KEY = 'test-pseudonym-key-0123456789abcdef0123456789';
export const AUDIT_KEY = 'test-audit-chain-key-0123456789abcdef01234567';

/** The configuration every suite runs with; `overrides` set single keys for one suite. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    VIR_PSEUDONYM_KEY: PSEUDONYM_KEY,
    VIR_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    VIR_AUDIT_KEY: AUDIT_KEY,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    VIR_MUNICIPALITY_CODE: '0983',
    VIR_MUNICIPALITY_NAME: 'Gemeente Venlo',
    VIR_PUBLIC_URL: 'https://verwijsindex.test',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  };
  assertTestDatabase(env.DATABASE_URL ?? '');
  return loadConfig(env);
}
