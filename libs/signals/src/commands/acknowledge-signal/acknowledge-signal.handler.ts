import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUuid } from '@vir/common';
import { databaseNow, rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { signalNotFound } from '../../signal-errors';
import { SIGNAL_COLUMNS, SignalReader, SignalRow, signalsVisibleTo } from '../../signal-reader';
import { SignalView } from '../../signal-view';
import { AcknowledgeSignalCommand } from './acknowledge-signal.command';

/** The recipient has seen the signal and will act. Acknowledging again changes nothing. */
@CommandHandler(AcknowledgeSignalCommand)
export class AcknowledgeSignalHandler implements ICommandHandler<AcknowledgeSignalCommand, SignalView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: SignalReader,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, signalId }: AcknowledgeSignalCommand): Promise<SignalView> {
    if (!isUuid(signalId)) throw signalNotFound();
    const row = await this.dataSource.transaction(async (manager) => {
      const updated = await rows<SignalRow>(
        manager,
        sql`UPDATE signals s SET acknowledged_at = ${databaseNow}
             WHERE s.id = ${signalId} AND ${signalsVisibleTo(principal)} AND s.acknowledged_at IS NULL
            RETURNING ${SIGNAL_COLUMNS}`,
      );
      if (updated[0]) {
        await this.audit.record(manager, {
          action: 'signal.acknowledged',
          objectType: 'signal',
          objectId: signalId,
          actor: actorOf(principal),
          details: { recipientProfessionalId: updated[0].recipient_professional_id },
        });
        return updated[0];
      }
      return this.reader.findVisible(principal, signalId);
    });
    if (!row) throw signalNotFound();
    const [view] = await this.reader.render([row]);
    return view;
  }
}
