import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReportIncidentHandler } from './commands/report-incident/report-incident.handler';
import { IncidentsController } from './controllers/incidents.controller';
import { GetIncidentHandler } from './queries/get-incident/get-incident.handler';

/** Breach reports of the college (api): report one, read one with its notifications. */
@Module({
  imports: [CqrsModule],
  controllers: [IncidentsController],
  providers: [ReportIncidentHandler, GetIncidentHandler],
})
export class IncidentsModule {}
