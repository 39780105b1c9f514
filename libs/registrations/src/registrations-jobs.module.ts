import { Module } from '@nestjs/common';
import { LifecycleProcessor } from './jobs/lifecycle.processor';
import { RegistrationRemoval } from './registration-removal';

/** Registration consumers, for the worker process only. */
@Module({ providers: [RegistrationRemoval, LifecycleProcessor], exports: [RegistrationRemoval] })
export class RegistrationsJobsModule {}
