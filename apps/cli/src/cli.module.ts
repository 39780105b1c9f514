import { Module } from '@nestjs/common';
import { AuditModule } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { MetricsModule } from '@vir/observability';
import { OrganisationsModule } from '@vir/organisations';
import { QueueModule } from '@vir/queue';

@Module({
  imports: [
    ConfigModule.forRoot(),
    MetricsModule.forRoot('cli'),
    ClockModule,
    DatabaseModule,
    QueueModule,
    AuditModule,
    OrganisationsModule,
  ],
})
export class CliModule {}
