/** Signals: writing signals and choosing their channels, the inbox, e-mail and webhook delivery, and the deliveries list. */
export { SignalsModule } from './signals.module';
export { SignalsJobsModule } from './signals-jobs.module';
export type { SignalToWrite, WrittenSignal } from './signal-writer';
export { SignalWriter } from './signal-writer';
export {
  followUpCopyReceived,
  signalAboutMatchTo,
  signalFigures,
  signalsAboutRegistrations,
  unnameRegistration,
} from './signal-fragments';
export {
  archiveSignalsMadeBefore,
  destroySignals,
  signalsOfMatches,
  signalsTriggeredBy,
  triggeredASignal,
} from './signal-retention';
export { signalHandover } from './signal-handover';
export { SignalsHandlersModule } from './signals-handlers.module';
export { ListSignalsQuery } from './queries/list-signals/list-signals.query';
export { GetSignalQuery } from './queries/get-signal/get-signal.query';
export { AcknowledgeSignalCommand } from './commands/acknowledge-signal/acknowledge-signal.command';
export type { MatchKind, SignalView } from './signal-view';
export { TestWebhookCommand } from './commands/test-webhook/test-webhook.command';
export type { WebhookTestView } from './commands/test-webhook/test-webhook.command';
