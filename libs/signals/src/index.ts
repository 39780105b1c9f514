export { SignalsModule } from './signals.module';
export { SignalsJobsModule } from './signals-jobs.module';
export { SIGNATURE_HEADER, SignalDeliveryService, TIMESTAMP_HEADER } from './signal-delivery.service';
export { SIGNAL_KINDS, SignalView } from './signal-view';
export type { Mail } from './mailer';
export { isPermanentMailFailure, Mailer } from './mailer';
export type { SignalToWrite, WrittenSignal } from './signal-writer';
export { SignalWriter } from './signal-writer';
export { followUpCopyReceived, signalAboutMatchTo, unnameRegistration } from './signal-fragments';
export {
  archiveSignalsMadeBefore,
  destroySignals,
  signalsOfMatches,
  signalsTriggeredBy,
  triggeredASignal,
} from './signal-retention';
