/** Privacy: the young person's rights, statistics for the evaluation, and data-breach notification. */
export { SubjectRightsModule } from './subject-rights/subject-rights.module';
export { StatisticsModule } from './statistics/statistics.module';
export { IncidentsModule } from './incidents/incidents.module';
export { IncidentNotificationsJobsModule } from './incidents/incident-notifications-jobs.module';
export { IncidentsHandlersModule } from './incidents/incidents-handlers.module';
export { ReportIncidentCommand } from './incidents/commands/report-incident/report-incident.command';
export { ReportIncidentDto } from './incidents/commands/report-incident/report-incident.dto';
export { ListIncidentsQuery } from './incidents/queries/list-incidents/list-incidents.query';
export type { IncidentView } from './incidents/incident.view';
