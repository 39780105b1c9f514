import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, describeConfig, loadConfig } from '@vir/config';
import { createRootLogger, exitGracefully, Metrics, PinoLoggerService } from '@vir/observability';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

/** EX_CONFIG (sysexits.h). */
const EXIT_CONFIG = 78;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    // The worker seals the audit chain, which needs its key (never stored in the database).
    if (!config.VIR_AUDIT_KEY)
      throw new ConfigError([
        'VIR_AUDIT_KEY: required by the worker, which seals the audit log (32+ random characters)',
      ]);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
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
