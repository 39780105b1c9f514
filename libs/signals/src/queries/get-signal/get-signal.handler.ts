import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { isUuid } from '@vir/common';
import { DataSource } from 'typeorm';
import { signalNotFound } from '../../signal-errors';
import { SignalReader } from '../../signal-reader';
import { SignalView } from '../../signal-view';
import { GetSignalQuery } from './get-signal.query';

/** Reading changes nothing about the signal; that it was read is traced in the audit log (Jw 7.1.2.3(1)(f)). */
@QueryHandler(GetSignalQuery)
export class GetSignalHandler implements IQueryHandler<GetSignalQuery, SignalView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: SignalReader,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, signalId }: GetSignalQuery): Promise<SignalView> {
    const row = isUuid(signalId) ? await this.reader.findVisible(principal, signalId) : undefined;
    if (!row) throw signalNotFound();
    await this.audit.record(this.dataSource.manager, {
      action: 'signal.read',
      objectType: 'signal',
      objectId: row.id,
      actor: actorOf(principal),
      details: { recipientProfessionalId: row.recipient_professional_id },
    });
    const [view] = await this.reader.render([row]);
    return view;
  }
}
