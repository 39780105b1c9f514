/** Registrations (meldingen): register, list, withdraw, remove for every reason, retention and the historical archive. */
export { RegistrationsModule } from './registrations.module';
export type { YouthRemovalReason } from './registration-removal';
export { RegistrationRemoval } from './registration-removal';
export type { RegistrationStatus, RemovalReason } from './entities/registration.entity';
export {
  ARCHIVED_REASONS,
  REGISTRATION_STATUSES,
  REMOVAL_REASONS,
  RegistrationEntity,
} from './entities/registration.entity';
export { ageLimitDate, archiveDestroyDate, informTarget, planRemoval } from './registration-rules';
export { RegistrationsJobsModule } from './registrations-jobs.module';
export { RetentionService } from './retention.service';
export type { RetentionReport } from './retention.service';
export {
  activeRegistrationsOfYouth,
  aloneWithYouth,
  archivedProfessionalsOfYouth,
  markMatchChecked,
  registrationActive,
  registrationEnding,
  registrationsById,
  tombstonesEndedBefore,
  uncheckedRegistrations,
} from './registration-fragments';
export type { RegistrationReference } from './registration-references';
export { TOMBSTONE_TERM_MONTHS } from './registration-references';
