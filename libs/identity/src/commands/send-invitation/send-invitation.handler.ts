import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { NotFoundError } from '@vir/common';
import { Mailer } from '@vir/mail';
import { OrganisationAccess } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { mailInvitation } from '../../invitation-mail';
import { Invitations } from '../../invitations';
import { SendInvitationCommand, SentInvitationView } from './send-invitation.command';

/**
 * The administrator of the college, or the organisation's coordinator (scope contact-details), invites
 * a person. The e-mail goes out before the invitation is committed: when it cannot be sent, no link exists.
 */
@CommandHandler(SendInvitationCommand)
export class SendInvitationHandler implements ICommandHandler<SendInvitationCommand, SentInvitationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly invitations: Invitations,
    private readonly mailer: Mailer,
  ) {}

  async execute({ principal, organisationId, professionalId }: SendInvitationCommand): Promise<SentInvitationView> {
    const organisation = await this.access.loadVisible(principal, organisationId);
    const ownCoordinator = organisation.id === principal.organisationId && principal.scopes.includes('contact-details');
    if (!ownCoordinator && !this.access.canAdminister(principal, organisation))
      throw new NotFoundError('ORGANISATION_NOT_FOUND', 'Organisation');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.create(manager, professionalId, actorOf(principal), organisation.id);
      await mailInvitation(this.mailer, invitation);
      return { professionalId, sentTo: invitation.person.email, expiresAt: invitation.expiresAt.toISOString() };
    });
  }
}
