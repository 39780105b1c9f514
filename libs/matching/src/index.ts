export { MatchingJobsModule } from './matching-jobs.module';
export { MatchingService } from './matching.service';
export type { MatchOutcome } from './matching.service';
export { MatchReconciler } from './match-reconciler';
export { planMatch } from './match-planner';
export type { ActiveRegistration, MatchPlan, MatchPlanInput, SignalDraft, SignalKind, RecipientRole } from './match-planner';
export { MatchesModule } from './matches.module';
export { FollowUpService } from './follow-up.service';
export { FollowUpSweeper } from './follow-up-sweeper';
