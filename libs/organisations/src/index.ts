/** Organisations: the connected organisations of each college, their designated people and credentials, and who may register. */
export { OrganisationsHandlersModule, OrganisationsModule } from './organisations.module';
export { DEMO_SSO_ORGANISATION, OrganisationsBootstrap } from './organisations-bootstrap';
export { OrganisationEntity } from './entities/organisation.entity';
export { OperatorCommands } from './operator-commands';
export { ContactDirectory } from './contact-directory';
export { OrganisationDirectory } from './organisation-directory';
export { eligibleRegistrant, registrantStanding, usesBsn } from './registrant';
export {
  addressMatchOn,
  breachAddressesOfCollege,
  copyRecipients,
  followUpOfficers,
  isCollegeOfRegion,
  organisationFacts,
  organisationsOfCollege,
  professionalFacts,
  signalDigestRecipients,
  wantsSignalDigest,
  webhookTargets,
} from './organisation-fragments';
export { OrganisationAccess } from './organisation-access';
export { standInsToday } from './stand-ins';
export type { ProfessionalHandover } from './professional-handover';
export { PROFESSIONAL_HANDOVERS } from './professional-handover';
export { ListProfessionalsQuery } from './queries/list-professionals/list-professionals.query';
export { SetStandInCommand } from './commands/set-stand-in/set-stand-in.command';
export { SetStandInDto } from './commands/set-stand-in/set-stand-in.dto';
export { EndStandInCommand } from './commands/end-stand-in/end-stand-in.command';
export { GetStandInQuery } from './queries/get-stand-in/get-stand-in.query';
export type { ProfessionalView, StandInView } from './views';
export { ListOrganisationsQuery } from './queries/list-organisations/list-organisations.query';
export { GetOrganisationQuery } from './queries/get-organisation/get-organisation.query';
export { CreateOrganisationCommand } from './commands/create-organisation/create-organisation.command';
export { CreateOrganisationDto } from './commands/create-organisation/create-organisation.dto';
export { UpdateOrganisationCommand } from './commands/update-organisation/update-organisation.command';
export {
  FOLLOW_UP_CLOSING_DAYS_MAX,
  UpdateOrganisationDto,
} from './commands/update-organisation/update-organisation.dto';
export { DisconnectOrganisationCommand } from './commands/disconnect-organisation/disconnect-organisation.command';
export { AddProfessionalCommand } from './commands/add-professional/add-professional.command';
export { AddProfessionalDto } from './commands/add-professional/add-professional.dto';
export { IssueCredentialCommand } from './commands/issue-credential/issue-credential.command';
export { ImportProfessionalsCommand } from './commands/import-professionals/import-professionals.command';
export type {
  ProfessionalImportView,
  ImportRowResult,
} from './commands/import-professionals/import-professionals.command';
export type { OrganisationView, IssuedCredentialView } from './views';
export { ConfirmContactDetailsCommand } from './commands/confirm-contact-details/confirm-contact-details.command';
export { UpdateProfessionalCommand } from './commands/update-professional/update-professional.command';
export { UpdateContactDetailsDto } from './commands/add-professional/add-professional.dto';
export { contactDetailsStale } from './contact-freshness';
export { DeactivateProfessionalCommand } from './commands/deactivate-professional/deactivate-professional.command';
export { DeactivateProfessionalQuery } from './commands/deactivate-professional/deactivate-professional.dto';
export { SetSignalDigestCommand } from './commands/set-signal-digest/set-signal-digest.command';
export { GetSignalDigestQuery } from './queries/get-signal-digest/get-signal-digest.query';
