import { Module } from '@nestjs/common';
import { FollowUpSweeper } from './jobs/follow-up-sweeper';
import { FollowUpService } from './follow-up.service';
import { MatchingProcessor } from './jobs/matching.processor';
import { MatchReconciler } from './jobs/match-reconciler';
import { MatchDeparture } from './match-departure';
import { MatchRetention } from './jobs/match-retention';
import { MatchingService } from './matching.service';
import { MatchWriter } from './match-writer';
import { SignalWriter } from '@vir/signals';

/** The matching and follow-up consumers, for the worker process only. */
@Module({
  providers: [
    SignalWriter,
    MatchingService,
    MatchWriter,
    MatchDeparture,
    FollowUpService,
    MatchingProcessor,
    MatchReconciler,
    FollowUpSweeper,
    MatchRetention,
  ],
  exports: [MatchingService, MatchReconciler, FollowUpService, FollowUpSweeper, MatchRetention],
})
export class MatchingJobsModule {}
