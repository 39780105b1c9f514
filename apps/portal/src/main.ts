import 'reflect-metadata';
import { describeConfig, loadConfigOrExit } from '@vir/config';
import { createRootLogger, exitGracefully } from '@vir/observability';
import { createPortalApp } from './portal-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger('portal', config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting portal');
  const app = await createPortalApp(config, logger);
  await app.listen(config.PORTAL_PORT, config.HOST);
  exitGracefully(app, logger);
  logger.info({ url: config.PORTAL_URL }, 'portal listening');
}

void main();
