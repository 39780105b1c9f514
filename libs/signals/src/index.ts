export { SignalsModule } from './signals.module';
export { SignalsJobsModule } from './signals-jobs.module';
export { SIGNATURE_HEADER, SignalDeliveryService, TIMESTAMP_HEADER } from './signal-delivery.service';
export { SIGNAL_KINDS, SignalView } from './signal-view';
export type { Mail } from './mailer';
export { isPermanentMailFailure, Mailer } from './mailer';
