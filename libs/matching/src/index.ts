/** Matching: finds the youths two or more professionals registered, makes the match and its signals, and follows it up until they are in contact. */
export { MatchingJobsModule } from './matching-jobs.module';
export { MatchesModule } from './matches.module';
export { FollowUpSweeper } from './jobs/follow-up-sweeper';
export { MatchRetention } from './jobs/match-retention';
export {
  matchesOfRegistrations,
  matchFigures,
  matchFollowUpFacts,
  rekeyMatches,
  takesPartInAMatch,
} from './match-fragments';
export { ProfessionalHandoversModule } from './professional-handovers.module';
export { MatchesHandlersModule } from './matches-handlers.module';
export { GetMatchQuery } from './queries/get-match/get-match.query';
export { ConfirmContactCommand } from './commands/confirm-contact/confirm-contact.command';
export { ChooseLeadCommand } from './commands/choose-lead/choose-lead.command';
export type { MatchView } from './match-view';
export { ListMatchesQuery } from './queries/list-matches/list-matches.query';
export { ConfirmContactDto } from './commands/confirm-contact/confirm-contact.dto';
export { RecordEscalationActionCommand } from './commands/record-escalation-action/record-escalation-action.command';
export {
  MAX_NEXT_CHECK_DAYS,
  RecordEscalationActionDto,
} from './commands/record-escalation-action/record-escalation-action.dto';
