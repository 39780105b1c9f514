import { Module } from '@nestjs/common';
import { AuditModule } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { OrganisationsModule } from '@vir/organisations';
import { QueueModule } from '@vir/queue';

@Module({
  imports: [ConfigModule.forRoot(), ClockModule, DatabaseModule, QueueModule, AuditModule, OrganisationsModule],
})
export class CliModule {}
