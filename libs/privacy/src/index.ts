export { SubjectRights, SubjectRightsModule } from './subject-rights';
export { Statistics, StatisticsModule, suppress, SUPPRESSED } from './statistics';
export { IncidentNotificationsJobsModule, Incidents, IncidentsModule } from './incidents';
