import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { databaseNow, rows, sql } from '@vir/database';
import { OutboxWriter } from '@vir/queue';
import { DataSource } from 'typeorm';
import { CredentialService } from '../../credential.service';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { OrganisationAccess } from '../../organisation-access';
import { cannotDisconnectOwnOrganisation } from '../../organisation-errors';
import { OrganisationView } from '../../views';
import { DisconnectOrganisationCommand } from './disconnect-organisation.command';

/**
 * Ends the connection: every credential of the organisation is revoked in the same transaction
 * (and the credential lookup refuses disconnected organisations anyway). The organisation's active
 * registrations are removed by the worker through the outbox event `organisation.disconnected`,
 * without archiving: with the agreement ended there is no one left to act on a signal.
 */
@CommandHandler(DisconnectOrganisationCommand)
export class DisconnectOrganisationHandler implements ICommandHandler<DisconnectOrganisationCommand, OrganisationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly credentials: CredentialService,
  ) {}

  async execute({ principal, organisationId }: DisconnectOrganisationCommand): Promise<OrganisationView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    if (organisation.id === principal.organisationId) throw cannotDisconnectOwnOrganisation();
    if (organisation.status === 'disconnected') return OrganisationView.of(organisation);

    return this.dataSource.transaction(async (manager) => {
      organisation.status = 'disconnected';
      organisation.disconnectedAt = this.clock.now();
      await manager.getRepository(OrganisationEntity).save(organisation);
      const revoked = await rows<{ id: string }>(
        manager,
        sql`UPDATE credentials SET revoked_at = ${databaseNow}
             WHERE organisation_id = ${organisation.id} AND revoked_at IS NULL RETURNING id`,
      );
      await this.credentials.announceChange(manager);
      await this.audit.record(manager, {
        action: 'organisation.disconnected',
        objectType: 'organisation',
        objectId: organisation.id,
        actor: actorOf(principal),
        details: { credentialsRevoked: revoked.length },
      });
      await this.outbox.add(
        manager,
        'organisation.disconnected',
        { organisationId: organisation.id },
        principal.correlationId,
      );
      return OrganisationView.of(organisation);
    });
  }
}
