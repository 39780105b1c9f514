import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditHandlersModule, AuditModule } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { AppConfig, ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { IdentityModule, InvitationHandlersModule } from '@vir/identity';
import { MatchesHandlersModule, ProfessionalHandoversModule, rekeyMatches } from '@vir/matching';
import { ContactDirectory, OrganisationsHandlersModule } from '@vir/organisations';
import {
  ComplaintsHandlersModule,
  IncidentsHandlersModule,
  StatisticsHandlersModule,
  SubjectRequestsHandlersModule,
} from '@vir/privacy';
import { PseudonymisationModule } from '@vir/pseudonymisation';
import { QueueModule } from '@vir/queue';
import { RegistrationsModule } from '@vir/registrations';
import { SignalsHandlersModule } from '@vir/signals';
import { MatchPagesController } from './casework/matches.controller';
import { RegistrationPagesController } from './casework/registrations.controller';
import { SignalPagesController } from './casework/signals.controller';
import { DashboardPagesController } from './dashboard/dashboard.controller';
import { WorklistPagesController } from './follow-up/worklist.controller';
import { CollegeSettingsPagesController } from './onboarding/college-settings.controller';
import { AddressMatchPagesController } from './onboarding/address-match.controller';
import { OrganisationPagesController } from './onboarding/organisations.controller';
import { MyEmailPagesController } from './people/my-email.controller';
import { PeoplePagesController } from './people/people.controller';
import { IncidentPagesController } from './privacy/incidents.controller';
import { SubjectRequestPagesController } from './privacy/subject-requests.controller';
import { MetricsModule } from '@vir/observability';
import { PortalCookies } from './cookies';
import { AuditLogPagesController } from './privacy/audit-log.controller';
import { ComplaintPagesController } from './privacy/complaints.controller';
import { MeController } from './me.controller';
import { PagesController } from './pages.controller';
import { PortalPages } from './portal-pages';

@Module({})
export class PortalModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: PortalModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot('portal'),
        ClockModule,
        DatabaseModule,
        // A withdrawal announces its removal through the outbox, as it does from the api.
        QueueModule,
        AuditModule,
        AuditHandlersModule,
        CqrsModule.forRoot(),
        IdentityModule,
        InvitationHandlersModule,
        PseudonymisationModule,
        // The api's use cases, without its routes: a page and an API call go through the same handler.
        RegistrationsModule.handlers([rekeyMatches]),
        SignalsHandlersModule,
        MatchesHandlersModule,
        OrganisationsHandlersModule,
        // A leaver's registrations, matches and signals go to the successor, as from the api.
        ProfessionalHandoversModule,
        IncidentsHandlersModule,
        SubjectRequestsHandlersModule,
        StatisticsHandlersModule,
        ComplaintsHandlersModule,
      ],
      controllers: [
        MeController,
        RegistrationPagesController,
        SignalPagesController,
        MatchPagesController,
        PeoplePagesController,
        MyEmailPagesController,
        WorklistPagesController,
        IncidentPagesController,
        SubjectRequestPagesController,
        AuditLogPagesController,
        ComplaintPagesController,
        OrganisationPagesController,
        CollegeSettingsPagesController,
        AddressMatchPagesController,
        DashboardPagesController,
        PagesController,
      ],
      providers: [
        PortalPages,
        ContactDirectory,
        { provide: PortalCookies, useFactory: (c: AppConfig) => new PortalCookies(c.PORTAL_URL), inject: [AppConfig] },
      ],
    };
  }
}
