import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Invitations } from '../../invitations';
import { Invitation, InvitePersonCommand } from './invite-person.command';

/** The operator's way (CLI): the link is printed, not mailed. */
@CommandHandler(InvitePersonCommand)
export class InvitePersonHandler implements ICommandHandler<InvitePersonCommand, Invitation> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: Invitations,
  ) {}

  async execute({ personId, actor }: InvitePersonCommand): Promise<Invitation> {
    const { link, expiresAt } = await this.dataSource.transaction((manager) =>
      this.invitations.create(manager, personId, actor),
    );
    return { personId, link, expiresAt };
  }
}
