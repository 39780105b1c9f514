import 'reflect-metadata';
import { ConfigError, describeConfig, loadConfig } from '@vir/config';
import { createRootLogger, exitGracefully } from '@vir/observability';
import { createPortalApp } from './portal-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createRootLogger('portal', config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting portal');
  const app = await createPortalApp(config, logger);
  await app.listen(config.PORTAL_PORT, config.HOST);
  exitGracefully(app, logger);
  logger.info({ url: config.PORTAL_URL }, 'portal listening');
}

void main();
