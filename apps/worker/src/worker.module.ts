import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule, AuditSealer } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { AppConfig, ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { IdentityJobsModule } from '@vir/identity';
import { MatchingJobsModule, takesPartInAMatch } from '@vir/matching';
import { MetricsModule } from '@vir/observability';
import { IncidentNotificationsJobsModule } from '@vir/privacy';
import { QueueModule, WorkerQueueModule } from '@vir/queue';
import { RegistrationsJobsModule } from '@vir/registrations';
import { SignalsJobsModule, triggeredASignal } from '@vir/signals';

/** The background process: the outbox relay and the BullMQ consumers. No HTTP server of its own (health and metrics aside). */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot('worker'),
        ClockModule,
        DatabaseModule,
        QueueModule,
        WorkerQueueModule,
        AuditModule,
        MatchingJobsModule,
        // A tombstone stays while a match participation or a signal still points at its registration.
        RegistrationsJobsModule.forRoot([takesPartInAMatch, triggeredASignal]),
        SignalsJobsModule,
        IncidentNotificationsJobsModule,
        IdentityJobsModule,
      ],
      providers: [AuditSealer],
    };
  }
}
