import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@vir/mail';
import { OrganisationAccess, OrganisationEntity, OrganisationsModule } from '@vir/organisations';
import { ConnectCollegeHandler } from './commands/connect-college/connect-college.handler';
import { RemoveIdentityProviderHandler } from './commands/remove-identity-provider/remove-identity-provider.handler';
import { SetIdentityProviderHandler } from './commands/set-identity-provider/set-identity-provider.handler';
import { CollegesController } from './controllers/colleges.controller';
import { IdentityProvidersController } from './controllers/identity-providers.controller';
import { InvitationsController } from './controllers/invitations.controller';
import { IdentityProviders } from './identity-providers';
import { InvitationHandlersModule } from './invitation-handlers.module';
import { Invitations } from './invitations';
import { GetIdentityProviderHandler } from './queries/get-identity-provider/get-identity-provider.handler';
import { SecondFactor } from './second-factor';

/** The api's part of identity: administrators and coordinators invite people; administrators connect an organisation's identity provider; the operator connects a college. */
@Module({
  imports: [
    CqrsModule,
    MailModule,
    InvitationHandlersModule,
    OrganisationsModule,
    TypeOrmModule.forFeature([OrganisationEntity]),
  ],
  controllers: [InvitationsController, IdentityProvidersController, CollegesController],
  providers: [
    OrganisationAccess,
    SecondFactor,
    Invitations,
    IdentityProviders,
    ConnectCollegeHandler,
    SetIdentityProviderHandler,
    RemoveIdentityProviderHandler,
    GetIdentityProviderHandler,
  ],
})
export class IdentityApiModule {}
