/** Platform: structured logs, correlation ids, metrics, scheduled tasks and graceful shutdown. */
export type { LogLevel } from './logger';
export { createRootLogger, REDACTED_PATHS } from './logger';
export { CORRELATION_HEADER, correlationIdFrom, TRACEPARENT_HEADER } from './correlation';
export { PinoLoggerService } from './pino-logger.service';
export { exitGracefully } from './graceful-shutdown';
export { Metrics } from './metrics';
export { MetricsModule } from './metrics.module';
export { ScheduledTask } from './scheduled-task';
