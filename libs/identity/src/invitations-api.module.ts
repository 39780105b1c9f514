import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@vir/mail';
import { OrganisationAccess, OrganisationEntity } from '@vir/organisations';
import { SendInvitationHandler } from './commands/send-invitation/send-invitation.handler';
import { InvitationsController } from './controllers/invitations.controller';
import { Invitations } from './invitations';
import { SecondFactor } from './second-factor';

/** The api's part of identity: administrators and coordinators invite people to the portal. */
@Module({
  imports: [CqrsModule, MailModule, TypeOrmModule.forFeature([OrganisationEntity])],
  controllers: [InvitationsController],
  providers: [OrganisationAccess, SecondFactor, Invitations, SendInvitationHandler],
})
export class InvitationsApiModule {}
