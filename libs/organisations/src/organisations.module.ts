import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PrincipalResolver } from '@vir/auth';
import { AddProfessionalHandler } from './commands/add-professional/add-professional.handler';
import { CreateOrganisationHandler } from './commands/create-organisation/create-organisation.handler';
import { DeactivateProfessionalHandler } from './commands/deactivate-professional/deactivate-professional.handler';
import { EndStandInHandler } from './commands/end-stand-in/end-stand-in.handler';
import { SetStandInHandler } from './commands/set-stand-in/set-stand-in.handler';
import { DisconnectOrganisationHandler } from './commands/disconnect-organisation/disconnect-organisation.handler';
import { ImportProfessionalsHandler } from './commands/import-professionals/import-professionals.handler';
import { ConfirmContactDetailsHandler } from './commands/confirm-contact-details/confirm-contact-details.handler';
import { IssueCredentialHandler } from './commands/issue-credential/issue-credential.handler';
import { RevokeCredentialHandler } from './commands/revoke-credential/revoke-credential.handler';
import { UpdateOrganisationHandler } from './commands/update-organisation/update-organisation.handler';
import { UpdateProfessionalHandler } from './commands/update-professional/update-professional.handler';
import { SetSignalDigestHandler } from './commands/set-signal-digest/set-signal-digest.handler';
import { GetSignalDigestHandler } from './queries/get-signal-digest/get-signal-digest.handler';
import { CredentialsController } from './controllers/credentials.controller';
import { OrganisationsController } from './controllers/organisations.controller';
import { ProfessionalImportsController } from './controllers/professional-imports.controller';
import { ProfessionalsController } from './controllers/professionals.controller';
import { StandInsController } from './controllers/stand-ins.controller';
import { CredentialCache } from './credential-cache';
import { CredentialService } from './credential.service';
import { CredentialEntity } from './entities/credential.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { ProfessionalEntity } from './entities/professional.entity';
import { OrganisationAccess } from './organisation-access';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationWarnings } from './organisation-warnings';
import { OperatorCommands } from './operator-commands';
import { OrganisationsBootstrap } from './organisations-bootstrap';
import { StandIns } from './stand-ins';
import { GetOrganisationHandler } from './queries/get-organisation/get-organisation.handler';
import { GetProfessionalHandler } from './queries/get-professional/get-professional.handler';
import { ListCredentialsHandler } from './queries/list-credentials/list-credentials.handler';
import { ListOrganisationsHandler } from './queries/list-organisations/list-organisations.handler';
import { GetStandInHandler } from './queries/get-stand-in/get-stand-in.handler';
import { ListProfessionalsHandler } from './queries/list-professionals/list-professionals.handler';

/**
 * Administration's use cases and services, for every process: the gemeente connects organisations,
 * designates their people and issues credentials; the portal uses the same handlers without routes.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([OrganisationEntity, ProfessionalEntity, CredentialEntity])],
  providers: [
    OrganisationAccess,
    OrganisationDirectory,
    OrganisationWarnings,
    CredentialCache,
    CredentialService,
    OrganisationsBootstrap,
    OperatorCommands,
    StandIns,
    { provide: PrincipalResolver, useExisting: CredentialService },
    CreateOrganisationHandler,
    UpdateOrganisationHandler,
    AddProfessionalHandler,
    ImportProfessionalsHandler,
    UpdateProfessionalHandler,
    ConfirmContactDetailsHandler,
    DeactivateProfessionalHandler,
    SetStandInHandler,
    EndStandInHandler,
    IssueCredentialHandler,
    RevokeCredentialHandler,
    DisconnectOrganisationHandler,
    ListOrganisationsHandler,
    GetOrganisationHandler,
    ListProfessionalsHandler,
    GetProfessionalHandler,
    GetStandInHandler,
    ListCredentialsHandler,
    SetSignalDigestHandler,
    GetSignalDigestHandler,
  ],
  exports: [PrincipalResolver, OrganisationsBootstrap, OperatorCommands],
})
export class OrganisationsHandlersModule {}

/** The administration API: the handlers above, with the api's routes. */
@Module({
  imports: [OrganisationsHandlersModule],
  controllers: [
    OrganisationsController,
    ProfessionalsController,
    ProfessionalImportsController,
    StandInsController,
    CredentialsController,
  ],
  exports: [OrganisationsHandlersModule],
})
export class OrganisationsModule {}
