/** Privacy: the young person's rights, statistics for the evaluation, and data-breach notification. */
export { SubjectRightsModule } from './subject-rights/subject-rights.module';
export { StatisticsModule } from './statistics/statistics.module';
export { IncidentsModule } from './incidents/incidents.module';
export { IncidentNotificationsJobsModule } from './incidents/incident-notifications-jobs.module';
