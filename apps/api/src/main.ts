import 'reflect-metadata';
import { ConfigError, describeConfig, loadConfig } from '@vir/config';
import { createRootLogger, exitGracefully } from '@vir/observability';
import { createApiApp } from './http-app';

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
  const logger = createRootLogger('api', config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting api');
  const app = await createApiApp(config, logger);
  await app.listen(config.PORT, config.HOST);
  exitGracefully(app, logger);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'api listening');
}

void main();
