import 'reflect-metadata';
import { describeConfig, loadConfigOrExit } from '@vir/config';
import { createRootLogger, exitGracefully } from '@vir/observability';
import { createApiApp } from './http-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger('api', config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting api');
  const app = await createApiApp(config, logger);
  await app.listen(config.PORT, config.HOST);
  exitGracefully(app, logger);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'api listening');
}

void main();
