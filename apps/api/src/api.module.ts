import { DynamicModule, Module } from '@nestjs/common';
import { BrpModule } from '@vir/brp';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditApiModule, AuditModule } from '@vir/audit';
import { AuthModule } from '@vir/auth';
import { ClockModule } from '@vir/common';
import { AppConfig, ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { IdentityApiModule } from '@vir/identity';
import { MatchesModule, ProfessionalHandoversModule, rekeyMatches } from '@vir/matching';
import { MetricsModule } from '@vir/observability';
import { OrganisationDirectory, OrganisationsModule } from '@vir/organisations';
import { PseudonymisationModule } from '@vir/pseudonymisation';
import {
  ComplaintsModule,
  IncidentsModule,
  StatisticsModule,
  SubjectRequestsModule,
  SubjectRightsModule,
} from '@vir/privacy';
import { QueueModule } from '@vir/queue';
import { RegistrationsModule } from '@vir/registrations';
import { SignalsModule } from '@vir/signals';
import { ApiIndexController } from './api-index.controller';
import { AuthFailureAuditModule } from './auth-failure-audit';
import { BrpReadiness } from './brp-readiness';
import { FollowUpCoverage } from './follow-up-coverage';
import { HealthController } from './health.controller';
import { MeController } from './me.controller';
import { MetricsController } from './metrics.controller';
import { StartupTasks } from './startup-tasks';

@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot('api'),
        ClockModule,
        DatabaseModule,
        QueueModule,
        AuditModule,
        CqrsModule.forRoot(),
        PseudonymisationModule,
        BrpModule,
        OrganisationsModule,
        // A key rotation moves the youth's matches with its registrations.
        RegistrationsModule.forRoot([rekeyMatches]),
        SignalsModule,
        MatchesModule,
        AuditApiModule,
        SubjectRightsModule,
        SubjectRequestsModule,
        ComplaintsModule,
        StatisticsModule,
        IncidentsModule,
        IdentityApiModule,
        ProfessionalHandoversModule,
        AuthModule.forRoot(OrganisationsModule, AuthFailureAuditModule),
      ],
      controllers: [ApiIndexController, HealthController, MetricsController, MeController],
      providers: [StartupTasks, OrganisationDirectory, FollowUpCoverage, BrpReadiness],
    };
  }
}
