import { DynamicModule, Module } from '@nestjs/common';
import { MailModule } from '@vir/mail';
import { InformationReminders } from './jobs/information-reminders';
import { LifecycleProcessor } from './jobs/lifecycle.processor';
import { RetentionScheduler } from './jobs/retention.job';
import { RegistrationRemoval } from './registration-removal';
import { REGISTRATION_REFERENCES, RegistrationReference } from './registration-references';
import { RetentionService } from './retention.service';

/**
 * Registration consumers and the daily retention run, for the worker process only. `references`
 * are the other contexts' conditions that keep a tombstone alive (see registration-references.ts).
 */
@Module({})
export class RegistrationsJobsModule {
  static forRoot(references: RegistrationReference[]): DynamicModule {
    return {
      module: RegistrationsJobsModule,
      imports: [MailModule],
      providers: [
        { provide: REGISTRATION_REFERENCES, useValue: references },
        RegistrationRemoval,
        RetentionService,
        RetentionScheduler,
        LifecycleProcessor,
        InformationReminders,
      ],
      exports: [RegistrationRemoval, RetentionService],
    };
  }
}
