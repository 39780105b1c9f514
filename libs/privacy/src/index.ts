/** Privacy: the young person's rights and complaints, statistics for the evaluation, and data-breach notification. */
export { SubjectRightsModule } from './subject-rights/subject-rights.module';
export { StatisticsModule } from './statistics/statistics.module';
export { StatisticsHandlersModule } from './statistics/statistics-handlers.module';
export { ReportDashboardQuery } from './statistics/queries/report-dashboard/report-dashboard.query';
export { StatisticsParams } from './statistics/queries/report-statistics/report-statistics.query';
export type { Count, DashboardFigures, DashboardView } from './statistics/dashboard.view';
export { IncidentsModule } from './incidents/incidents.module';
export { IncidentNotificationsJobsModule } from './incidents/incident-notifications-jobs.module';
export { IncidentsHandlersModule } from './incidents/incidents-handlers.module';
export { ReportIncidentCommand } from './incidents/commands/report-incident/report-incident.command';
export { ReportIncidentDto } from './incidents/commands/report-incident/report-incident.dto';
export { ListIncidentsQuery } from './incidents/queries/list-incidents/list-incidents.query';
export { GetIncidentQuery } from './incidents/queries/get-incident/get-incident.query';
export { RecordAuthorityDecisionCommand } from './incidents/commands/record-authority-decision/record-authority-decision.command';
export { RecordAuthorityDecisionDto } from './incidents/commands/record-authority-decision/record-authority-decision.dto';
export { AddIncidentUpdateCommand } from './incidents/commands/add-incident-update/add-incident-update.command';
export { AddIncidentUpdateDto } from './incidents/commands/add-incident-update/add-incident-update.dto';
export type { IncidentView } from './incidents/incident.view';
export { SubjectRequestsModule } from './subject-requests/subject-requests.module';
export { SubjectRequestsHandlersModule } from './subject-requests/subject-requests-handlers.module';
export { RecordSubjectRequestCommand } from './subject-requests/commands/record-subject-request/record-subject-request.command';
export { RecordSubjectRequestDto } from './subject-requests/commands/record-subject-request/record-subject-request.dto';
export { UpdateSubjectRequestCommand } from './subject-requests/commands/update-subject-request/update-subject-request.command';
export { UpdateSubjectRequestDto } from './subject-requests/commands/update-subject-request/update-subject-request.dto';
export { AnswerSubjectRequestCommand } from './subject-requests/commands/answer-subject-request/answer-subject-request.command';
export { AnswerSubjectRequestDto } from './subject-requests/commands/answer-subject-request/answer-subject-request.dto';
export { GetSubjectRequestQuery } from './subject-requests/queries/get-subject-request/get-subject-request.query';
export { ListSubjectRequestsQuery } from './subject-requests/queries/list-subject-requests/list-subject-requests.query';
export type { SubjectRequestAnswerView, SubjectRequestView } from './subject-requests/subject-request.view';
export type { SubjectAccessView } from './subject-rights/subject-rights.view';
export { entitledRequester } from './subject-requests/subject-request-rules';
export { ComplaintsModule } from './complaints/complaints.module';
export { ComplaintsHandlersModule } from './complaints/complaints-handlers.module';
export { RecordComplaintCommand } from './complaints/commands/record-complaint/record-complaint.command';
export { RecordComplaintDto } from './complaints/commands/record-complaint/record-complaint.dto';
export { UpdateComplaintCommand } from './complaints/commands/update-complaint/update-complaint.command';
export { UpdateComplaintDto } from './complaints/commands/update-complaint/update-complaint.dto';
export { GetComplaintQuery } from './complaints/queries/get-complaint/get-complaint.query';
export { ListComplaintsQuery } from './complaints/queries/list-complaints/list-complaints.query';
export {
  ComplaintsSummaryParams,
  SummariseComplaintsQuery,
} from './complaints/queries/summarise-complaints/summarise-complaints.query';
export type { ComplaintsSummaryView, ComplaintView } from './complaints/complaint.view';
