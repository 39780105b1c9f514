import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * SIGTERM/SIGINT: stop taking work, let running jobs and requests finish (Nest's shutdown hooks),
 * close connections, then exit 0. A second signal, or a shutdown that hangs, exits at once.
 */
export function exitGracefully(app: INestApplicationContext, logger: Logger, timeoutMs = 25_000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app.close().then(
      () => {
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      },
      (error: Error) => {
        logger.error({ err: { name: error.name, message: error.message } }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
