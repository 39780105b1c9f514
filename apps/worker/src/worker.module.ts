import { Module } from '@nestjs/common';
import { AuditModule } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { AppConfig, ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { QueueModule } from '@vir/queue';
import { DynamicModule } from '@nestjs/common';

/** The background process: BullMQ consumers and the outbox relay. No HTTP server of its own. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, QueueModule, AuditModule],
    };
  }
}
