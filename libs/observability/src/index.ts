/** Platform: structured logs, correlation ids, metrics, scheduled tasks and graceful shutdown. */
export { createRootLogger } from './logger';
export { correlationIdFrom } from './correlation';
export { PinoLoggerService } from './pino-logger.service';
export { exitGracefully } from './graceful-shutdown';
export { Metrics } from './metrics';
export { MetricsModule } from './metrics.module';
export { ScheduledTask } from './scheduled-task';
