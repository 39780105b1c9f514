import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig, SECRET_KEYS } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {});
  const secret = (SECRET_KEYS as readonly string[]).includes(error.property);
  // Never echo the value of a secret; for other keys the value helps the operator.
  const shown = secret || error.value === undefined ? '' : ` (got ${JSON.stringify(error.value)})`;
  return `${error.property}: ${reasons.join('; ')}${shown}`;
}

/** Validates the environment once; throws a ConfigError naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && (known.includes(key) || key.startsWith('VIR_') || key.endsWith('_URL'))) {
      relevant[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return config;
}

/** The config with secrets masked, for a start-up log line. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    shown[key] = (SECRET_KEYS as readonly string[]).includes(key) && value !== undefined ? '[secret]' : value;
  }
  return shown;
}

/** EX_CONFIG (sysexits.h): what every process exits with on invalid configuration. */
export const EXIT_CONFIG = 78;

/**
 * The configuration a process starts with; on invalid configuration it says which key is wrong on
 * stderr and exits 78, before anything else has started. `check` adds what one process requires.
 */
export function loadConfigOrExit(check: (config: AppConfig) => void = () => undefined): AppConfig {
  try {
    const config = loadConfig();
    check(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}
