import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '@vir/audit';
import { BrpModule } from '@vir/brp';
import { ClockModule } from '@vir/common';
import { ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { IdentityModule } from '@vir/identity';
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
    CqrsModule.forRoot(),
    IdentityModule,
  ],
})
export class CliModule {}

/** `brp check`: the BRP client alone, without the database. */
@Module({ imports: [ConfigModule.forRoot(), MetricsModule.forRoot('cli'), BrpModule] })
export class BrpCheckModule {}
