import { Module } from '@nestjs/common';
import { FollowUpSweeper } from './follow-up-sweeper';
import { FollowUpService } from './follow-up.service';
import { MatchingProcessor } from './jobs/matching.processor';
import { MatchReconciler } from './match-reconciler';
import { MatchingService } from './matching.service';
import { SignalWriter } from './signal-writer';

/** The matching and follow-up consumers, for the worker process only. */
@Module({
  providers: [SignalWriter, MatchingService, FollowUpService, MatchingProcessor, MatchReconciler, FollowUpSweeper],
  exports: [MatchingService, MatchReconciler, FollowUpService, FollowUpSweeper],
})
export class MatchingJobsModule {}
