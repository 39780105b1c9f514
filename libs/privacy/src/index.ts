export { SubjectRights, SubjectRightsModule } from './subject-rights';
export { Statistics, StatisticsModule, suppress, SUPPRESSED } from './statistics';
