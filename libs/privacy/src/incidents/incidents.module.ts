import { Module } from '@nestjs/common';
import { IncidentsController } from './controllers/incidents.controller';
import { IncidentsHandlersModule } from './incidents-handlers.module';

/** Breach reports of the college (api): report one, read one with its notifications. */
@Module({
  imports: [IncidentsHandlersModule],
  controllers: [IncidentsController],
})
export class IncidentsModule {}
