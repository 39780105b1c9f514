import { Module } from '@nestjs/common';
import { LifecycleProcessor } from './jobs/lifecycle.processor';
import { RetentionScheduler } from './jobs/retention.job';
import { RegistrationRemoval } from './registration-removal';
import { RetentionService } from './retention.service';

/** Registration consumers and the daily retention run, for the worker process only. */
@Module({
  providers: [RegistrationRemoval, RetentionService, RetentionScheduler, LifecycleProcessor],
  exports: [RegistrationRemoval, RetentionService],
})
export class RegistrationsJobsModule {}
