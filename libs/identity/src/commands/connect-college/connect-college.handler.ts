import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { Mailer } from '@vir/mail';
import { OrganisationsBootstrap } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { mailInvitation } from '../../invitation-mail';
import { Invitations } from '../../invitations';
import { ConnectCollegeCommand, ConnectedCollegeView } from './connect-college.command';

/**
 * A college joins the region: its municipality organisation and its first administrator (a person),
 * who is mailed a one-time invitation before anything is committed. The college's own events are
 * recorded in its own audit log, not the operator's.
 */
@CommandHandler(ConnectCollegeCommand)
export class ConnectCollegeHandler implements ICommandHandler<ConnectCollegeCommand, ConnectedCollegeView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsBootstrap,
    private readonly invitations: Invitations,
    private readonly mailer: Mailer,
  ) {}

  async execute({ principal, input }: ConnectCollegeCommand): Promise<ConnectedCollegeView> {
    const college = { code: input.municipalityCode, name: input.name.trim() };
    const actor = { ...actorOf(principal), municipalityCode: college.code };
    return this.dataSource.transaction(async (manager) => {
      const { organisationId, personId } = await this.organisations.connectCollege(
        manager,
        college,
        { email: input.administrator.email, name: input.administrator.name.trim() },
        actor,
      );
      const invitation = await this.invitations.create(manager, personId, actor, organisationId);
      await mailInvitation(this.mailer, invitation);
      return {
        municipalityCode: college.code,
        name: college.name,
        organisationId,
        administrator: {
          professionalId: personId,
          sentTo: invitation.person.email,
          expiresAt: invitation.expiresAt.toISOString(),
        },
      };
    });
  }
}
