import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { NotFoundError } from '@vir/common';
import { OrganisationAccess } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { IdentityProviders } from '../../identity-providers';
import { RemoveIdentityProviderCommand } from './remove-identity-provider.command';

@CommandHandler(RemoveIdentityProviderCommand)
export class RemoveIdentityProviderHandler implements ICommandHandler<RemoveIdentityProviderCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly providers: IdentityProviders,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, organisationId }: RemoveIdentityProviderCommand): Promise<void> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.providers.remove(manager, organisation.id)))
        throw new NotFoundError('IDENTITY_PROVIDER_NOT_FOUND', 'Identity provider');
      await this.audit.record(manager, {
        action: 'organisation.identity-provider-removed',
        objectType: 'organisation',
        objectId: organisation.id,
        actor: actorOf(principal),
      });
    });
  }
}
