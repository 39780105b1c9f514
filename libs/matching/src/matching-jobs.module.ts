import { Module } from '@nestjs/common';
import { FollowUpSweeper } from './jobs/follow-up-sweeper';
import { FollowUpService } from './follow-up.service';
import { MatchingProcessor } from './jobs/matching.processor';
import { MatchReconciler } from './jobs/match-reconciler';
import { RegistrationVerifier } from './jobs/registration-verifier';
import { MatchDeparture } from './match-departure';
import { MatchRetention } from './jobs/match-retention';
import { MatchingService } from './matching.service';
import { MatchWriter } from './match-writer';
import { SignalWriter } from '@vir/signals';
import { BrpModule } from '@vir/brp';
import { PseudonymisationModule } from '@vir/pseudonymisation';
import { FollowedYouths, RegistrationRemoval, RegistrationVerifications } from '@vir/registrations';
import { BrpFollower } from './jobs/brp-follower';
import { AddressMatchCloser } from './jobs/address-match-closer';

/** The matching and follow-up consumers, for the worker process only. */
@Module({
  imports: [BrpModule, PseudonymisationModule],
  providers: [
    SignalWriter,
    RegistrationRemoval,
    RegistrationVerifications,
    MatchingService,
    MatchWriter,
    MatchDeparture,
    FollowUpService,
    MatchingProcessor,
    MatchReconciler,
    FollowUpSweeper,
    MatchRetention,
    RegistrationVerifier,
    FollowedYouths,
    BrpFollower,
    AddressMatchCloser,
  ],
  exports: [MatchingService, MatchReconciler, FollowUpService, FollowUpSweeper, MatchRetention],
})
export class MatchingJobsModule {}
