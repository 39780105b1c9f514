import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Delivers a new signal to its channels. The inbox is the channel of record: the signal is
 * readable through the API from the moment it exists, and this records that it was delivered.
 */
@Injectable()
export class SignalDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async deliver(signalId: string, correlationId?: string | null): Promise<{ channels: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [signal]: { id: string; recipient_organisation_id: string; recipient_professional_id: string }[] = await manager.query(
        `SELECT id, recipient_organisation_id, recipient_professional_id FROM signals WHERE id = $1`,
        [signalId],
      );
      if (!signal) throw new UnrecoverableError(`signal ${signalId} does not exist`);
      const [inserted] = (await manager.query(
        `INSERT INTO signal_deliveries (signal_id, channel, status, attempts, last_attempt_at, delivered_at)
         VALUES ($1, 'inbox', 'delivered', 1, now(), now()) ON CONFLICT DO NOTHING RETURNING signal_id`,
        [signalId],
      )) as { signal_id: string }[];
      if (inserted) {
        await this.audit.record(manager, {
          action: 'signal.delivered',
          objectType: 'signal',
          objectId: signalId,
          actor: { correlationId: correlationId ?? undefined },
          details: { channel: 'inbox', recipientOrganisationId: signal.recipient_organisation_id },
        });
      }
      return { channels: inserted ? ['inbox'] : [] };
    });
  }
}
