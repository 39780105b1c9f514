export { OrganisationsModule } from './organisations.module';
export type { DemoSummary, DemoCredential } from './organisations-bootstrap';
export { OrganisationsBootstrap } from './organisations-bootstrap';
export type { OrganisationKind } from './entities/organisation.entity';
export { ORGANISATION_KINDS, OrganisationEntity } from './entities/organisation.entity';
export type { ProfessionalRole } from './entities/professional.entity';
export { PROFESSIONAL_ROLES, ProfessionalEntity } from './entities/professional.entity';
export { CredentialEntity } from './entities/credential.entity';
export { OperatorCommands } from './operator-commands';
export type { ContactCard } from './contact-directory';
export { ContactDirectory } from './contact-directory';
export { OrganisationDirectory } from './organisation-directory';
export type { RegistrantStanding } from './registrant';
export { eligibleRegistrant, registrantStanding } from './registrant';
export {
  copyRecipients,
  followUpOfficers,
  organisationFacts,
  organisationsOfCollege,
  professionalFacts,
  webhookTargets,
} from './organisation-fragments';
