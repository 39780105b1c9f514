import { Module } from '@nestjs/common';
import { MatchingProcessor } from './jobs/matching.processor';
import { MatchReconciler } from './match-reconciler';
import { MatchingService } from './matching.service';

/** The matching consumers, for the worker process only. */
@Module({ providers: [MatchingService, MatchingProcessor, MatchReconciler], exports: [MatchingService, MatchReconciler] })
export class MatchingJobsModule {}
