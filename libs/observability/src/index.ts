export type { LogLevel } from './logger';
export { CORRELATION_HEADER, correlationIdFrom, createRootLogger, REDACTED_PATHS } from './logger';
export { PinoLoggerService } from './pino-logger.service';
export { exitGracefully } from './graceful-shutdown';
