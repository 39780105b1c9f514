export { MatchingJobsModule } from './matching-jobs.module';
export { MatchingService } from './matching.service';
export type { MatchOutcome } from './matching.service';
export { MatchReconciler } from './jobs/match-reconciler';
export { planMatch } from './match-planner';
export type {
  ActiveRegistration,
  MatchPlan,
  MatchPlanInput,
  SignalDraft,
  SignalKind,
  RecipientRole,
} from './match-planner';
export { MatchesModule } from './matches.module';
export { FollowUpService } from './follow-up.service';
export { FollowUpSweeper } from './jobs/follow-up-sweeper';
export { MatchDeparture } from './match-departure';
export { MatchRetention } from './jobs/match-retention';
export type { MatchRetentionReport } from './jobs/match-retention';
export { takesPartInAMatch } from './match-fragments';
