import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { DataSource } from 'typeorm';
import { CredentialService } from '../../credential.service';
import { OrganisationAccess } from '../../organisation-access';
import { CredentialView, IssuedCredentialView } from '../../views';
import { IssueCredentialCommand } from './issue-credential.command';

@CommandHandler(IssueCredentialCommand)
export class IssueCredentialHandler implements ICommandHandler<IssueCredentialCommand, IssuedCredentialView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly credentials: CredentialService,
  ) {}

  async execute({ principal, organisationId, input }: IssueCredentialCommand): Promise<IssuedCredentialView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    return this.dataSource.transaction(async (manager) => {
      const issued = await this.credentials.issue(manager, organisation, input.scopes, actorOf(principal), {
        label: input.label,
      });
      if (!issued) throw new Error('a freshly generated credential secret collided');
      return { ...CredentialView.of(issued.credential), secret: issued.secret };
    });
  }
}
