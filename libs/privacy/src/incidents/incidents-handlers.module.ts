import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddIncidentUpdateHandler } from './commands/add-incident-update/add-incident-update.handler';
import { RecordAuthorityDecisionHandler } from './commands/record-authority-decision/record-authority-decision.handler';
import { ReportIncidentHandler } from './commands/report-incident/report-incident.handler';
import { GetIncidentHandler } from './queries/get-incident/get-incident.handler';
import { ListIncidentsHandler } from './queries/list-incidents/list-incidents.handler';

/** Breach reports' use cases, for the api and the portal: report, decide on the Autoriteit, update, read. */
@Module({
  imports: [CqrsModule],
  providers: [
    ReportIncidentHandler,
    RecordAuthorityDecisionHandler,
    AddIncidentUpdateHandler,
    GetIncidentHandler,
    ListIncidentsHandler,
  ],
})
export class IncidentsHandlersModule {}
