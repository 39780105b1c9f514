import { ConfigError, describeConfig, loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://app:s3cret@db:5432/vir',
  REDIS_URL: 'redis://redis:6379',
  VIR_PSEUDONYM_KEY: 'k'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig({ ...valid, PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.NODE_ENV).toBe('development');
    expect(config.VIR_DEFAULT_REGISTRATION_MONTHS).toBe(24);
    expect(config.VIR_BOOTSTRAP_ADMIN_KEY).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['REDIS_URL', { REDIS_URL: undefined }],
    ['VIR_PSEUDONYM_KEY', { VIR_PSEUDONYM_KEY: 'short' }],
    ['PORT', { PORT: 'eighty' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['VIR_MUNICIPALITY_CODE', { VIR_MUNICIPALITY_CODE: '983' }],
    ['VIR_DEFAULT_REGISTRATION_MONTHS', { VIR_DEFAULT_REGISTRATION_MONTHS: '36' }],
    ['VIR_BOOTSTRAP_ADMIN_KEY', { VIR_BOOTSTRAP_ADMIN_KEY: 'tooshort' }],
  ])('refuses to boot with a bad %s and names it', (key, change) => {
    let error: unknown;
    try {
      loadConfig({ ...valid, ...change });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
  });

  it('never echoes a secret, neither in errors nor in the start-up description', () => {
    try {
      loadConfig({ ...valid, VIR_PSEUDONYM_KEY: 'tiny-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('tiny-secret');
    }
    const shown = JSON.stringify(describeConfig(loadConfig({ ...valid, VIR_BOOTSTRAP_ADMIN_KEY: 'b'.repeat(30) })));
    expect(shown).not.toContain('s3cret');
    expect(shown).not.toContain('k'.repeat(32));
    expect(shown).not.toContain('b'.repeat(30));
  });
});
