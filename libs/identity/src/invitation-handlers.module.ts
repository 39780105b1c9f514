import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@vir/mail';
import { OrganisationAccess, OrganisationEntity } from '@vir/organisations';
import { SendInvitationHandler } from './commands/send-invitation/send-invitation.handler';
import { Invitations } from './invitations';
import { SecondFactor } from './second-factor';

/** Mailing a person an invitation, for every process where people are invited: the api and the portal. */
@Module({
  imports: [CqrsModule, MailModule, TypeOrmModule.forFeature([OrganisationEntity])],
  providers: [OrganisationAccess, SecondFactor, Invitations, SendInvitationHandler],
})
export class InvitationHandlersModule {}
