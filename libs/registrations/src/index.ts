/** Registrations (meldingen): register, list, withdraw, remove for every reason, retention and the historical archive. */
export { RegistrationsModule } from './registrations.module';
export { RegistrationRemoval } from './registration-removal';
export type { RemovalReason } from './entities/registration.entity';
export { ARCHIVED_REASONS } from './entities/registration.entity';
export { brpVerdict, informTarget } from './registration-rules';
export { RegistrationVerifications } from './registration-verifications';
export { FollowedYouths } from './followed-youths';
export type { FollowedYouth } from './followed-youths';
export type { AwaitingVerification, ConfirmedYouth } from './registration-verifications';
export { youthAddress } from './registration-addresses';
export { addressKeysOf, addressRegistrations, hasAddressInMatching, youthsStillAt } from './address-fragments';
export { RegistrationsJobsModule } from './registrations-jobs.module';
export { RetentionService } from './retention.service';
export {
  activeRegistrationsOfYouth,
  activeYouthKey,
  aloneWithYouth,
  familyRegistrations,
  hasFamilyInMatching,
  parentKeysOf,
  awaitingVerificationCount,
  archivedProfessionalsOfYouth,
  markMatchChecked,
  informationTaskFigures,
  hasRegistered,
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
export { RegisterYouthCommand } from './commands/register-youth/register-youth.command';
export { RegisterYouthDto } from './commands/register-youth/register-youth.dto';
export type { RegistrationResult } from './commands/register-youth/register-youth.handler';
export { WithdrawRegistrationCommand } from './commands/withdraw-registration/withdraw-registration.command';
export { WithdrawRegistrationDto } from './commands/withdraw-registration/withdraw-registration.dto';
export { ListRegistrationsQuery } from './queries/list-registrations/list-registrations.query';
export { GetRegistrationQuery } from './queries/get-registration/get-registration.query';
export type { RegistrationView } from './views';
export { RecordInformationCommand } from './commands/record-information/record-information.command';
export { RecordInformationDto } from './commands/record-information/record-information.dto';
export { AddAddressExclusionCommand } from './commands/add-address-exclusion/add-address-exclusion.command';
export { AddAddressExclusionDto } from './commands/add-address-exclusion/add-address-exclusion.dto';
export { RemoveAddressExclusionCommand } from './commands/remove-address-exclusion/remove-address-exclusion.command';
export { ImportAddressExclusionsCommand } from './commands/import-address-exclusions/import-address-exclusions.command';
export type { AddressExclusionImportView } from './commands/import-address-exclusions/import-address-exclusions.command';
export { ListAddressExclusionsQuery } from './queries/list-address-exclusions/list-address-exclusions.query';
export type { AddressExclusionListView, AddressExclusionView } from './address-exclusions';
export { AddressExclusions } from './address-exclusions';
