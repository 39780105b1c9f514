import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { DataSource } from 'typeorm';
import { CredentialService } from '../../credential.service';
import { CredentialEntity } from '../../entities/credential.entity';
import { OrganisationAccess } from '../../organisation-access';
import { isUuid } from '@vir/common';
import { credentialNotFound } from '../../organisation-errors';
import { RevokeCredentialCommand } from './revoke-credential.command';

@CommandHandler(RevokeCredentialCommand)
export class RevokeCredentialHandler implements ICommandHandler<RevokeCredentialCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly credentials: CredentialService,
  ) {}

  async execute({ principal, organisationId, credentialId }: RevokeCredentialCommand): Promise<void> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    await this.dataSource.transaction(async (manager) => {
      const credential = isUuid(credentialId)
        ? await manager.getRepository(CredentialEntity).findOneBy({ id: credentialId, organisationId: organisation.id })
        : null;
      if (!credential) throw credentialNotFound();
      await this.credentials.revoke(manager, credential, actorOf(principal));
    });
  }
}
