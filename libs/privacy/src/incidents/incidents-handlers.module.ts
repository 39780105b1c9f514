import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReportIncidentHandler } from './commands/report-incident/report-incident.handler';
import { GetIncidentHandler } from './queries/get-incident/get-incident.handler';
import { ListIncidentsHandler } from './queries/list-incidents/list-incidents.handler';

/** Breach reports' use cases, for the api and the portal: report one, read one or the college's register. */
@Module({
  imports: [CqrsModule],
  providers: [ReportIncidentHandler, GetIncidentHandler, ListIncidentsHandler],
})
export class IncidentsHandlersModule {}
