import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, describeConfig, loadConfigOrExit } from '@vir/config';
import { createRootLogger, exitGracefully, Metrics, PinoLoggerService } from '@vir/observability';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit((loaded) => {
    // The worker seals the audit chain, which needs its key (never stored in the database).
    if (!loaded.VIR_AUDIT_KEY)
      throw new ConfigError([
        'VIR_AUDIT_KEY: required by the worker, which seals the audit log (32+ random characters)',
      ]);
  });
  const logger = createRootLogger('worker', config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoLoggerService(logger.child({ component: 'nest' })),
  });
  if (config.WORKER_HEALTH_PORT > 0) {
    const server = startHealthServer(config, app.get(Metrics));
    server.on('error', (error: NodeJS.ErrnoException) => {
      logger.fatal(
        { err: { code: error.code }, port: config.WORKER_HEALTH_PORT },
        'worker health port unavailable (WORKER_HEALTH_PORT)',
      );
      process.exit(1);
    });
  }
  exitGracefully(app, logger);
  logger.info('worker ready');
}

void main();
