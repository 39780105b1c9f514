/** Registrations (meldingen): register, list, withdraw, remove for every reason, retention and the historical archive. */
export { RegistrationsModule } from './registrations.module';
export { RegistrationRemoval } from './registration-removal';
export type { RemovalReason } from './entities/registration.entity';
export { ARCHIVED_REASONS } from './entities/registration.entity';
export { informTarget } from './registration-rules';
export { RegistrationsJobsModule } from './registrations-jobs.module';
export { RetentionService } from './retention.service';
export {
  activeRegistrationsOfYouth,
  aloneWithYouth,
  archivedProfessionalsOfYouth,
  markMatchChecked,
  registrationFigures,
  registrationActive,
  registrationEnding,
  registrationsById,
  tombstonesEndedBefore,
  uncheckedRegistrations,
} from './registration-fragments';
export { TOMBSTONE_TERM_MONTHS } from './registration-references';
export { heldAboutYouth } from './youth-holdings';
export { youthKeyVersions } from './key-versions';
export { registrationHandover } from './registration-handover';
