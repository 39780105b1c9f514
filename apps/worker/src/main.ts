import 'reflect-metadata';
import { createServer } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { ConfigError, describeConfig, loadConfig } from '@vir/config';
import { createRootLogger, exitGracefully, PinoLoggerService } from '@vir/observability';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger('worker', config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoLoggerService(logger.child({ component: 'nest' })),
  });

  if (config.WORKER_HEALTH_PORT > 0) {
    // Liveness only: the worker has no API of its own.
    const server = createServer((request, response) => {
      const ok = request.url === '/health/live';
      response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { status: 'ok' } : {}));
    });
    server.listen(config.WORKER_HEALTH_PORT, config.HOST);
    server.unref();
  }
  exitGracefully(app, logger);
  logger.info('worker ready');
}

void main();
