import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { AppConfig, ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { IdentityModule } from '@vir/identity';
import { MetricsModule } from '@vir/observability';
import { PortalCookies } from './cookies';
import { MeController } from './me.controller';
import { PagesController } from './pages.controller';

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
        AuditModule,
        CqrsModule.forRoot(),
        IdentityModule,
      ],
      controllers: [MeController, PagesController],
      providers: [
        { provide: PortalCookies, useFactory: (c: AppConfig) => new PortalCookies(c.PORTAL_URL), inject: [AppConfig] },
      ],
    };
  }
}
