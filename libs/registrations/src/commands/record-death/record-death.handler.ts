import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { YouthKeyService } from '@vir/pseudonymisation';
import { DataSource } from 'typeorm';
import { invalidYouth } from '../../registration-errors';
import { RegistrationRemoval } from '../../registration-removal';
import { youthIdentifier } from '../register-youth/register-youth.handler';
import { RecordDeathCommand } from './record-death.command';
import type { DeathRecordedView } from './record-death.dto';

/**
 * A death notice (BRP): every registration of the youth ends as `deceased` and every archive
 * entry is destroyed, at once and without archiving (Jw 7.1.4.5(2)(c), 7.1.4.6(1)).
 */
@CommandHandler(RecordDeathCommand)
export class RecordDeathHandler implements ICommandHandler<RecordDeathCommand, DeathRecordedView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly youthKeys: YouthKeyService,
    private readonly removal: RegistrationRemoval,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, input }: RecordDeathCommand): Promise<DeathRecordedView> {
    const { bsn, surname, birthDate, sex } = input.youth;
    // With a BSN nothing else is needed; without one the service number needs surname, birth date and sex.
    if (bsn === undefined && birthDate === undefined) throw invalidYouth('youth.birthDate', 'birthDate is required for a youth without a BSN');
    const identifier = bsn !== undefined && surname === undefined && sex === undefined ? { bsn } : youthIdentifier({ bsn, surname, birthDate: birthDate as string, sex });
    const keys = this.youthKeys.allKeys(identifier);
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const active: { id: string }[] = await manager.query(`SELECT id FROM registrations WHERE youth_key = ANY($1) AND status = 'active'`, [keys]);
      const registrationsRemoved = await this.removal.remove(
        manager,
        active.map((r) => r.id),
        'deceased',
        actor,
      );
      const [destroyed] = (await manager.query(`DELETE FROM archive_entries WHERE youth_key = ANY($1) RETURNING id`, [keys])) as [{ id: string }[], number];
      await this.audit.recordMany(
        manager,
        destroyed.map((row) => ({ action: 'archive-entry.destroyed', objectType: 'archive_entry', objectId: row.id, actor, details: { reason: 'deceased' } })),
      );
      await this.audit.record(manager, {
        action: 'death.recorded',
        objectType: 'youth',
        actor,
        details: { registrationsRemoved, archiveEntriesDestroyed: destroyed.length },
      });
      return { registrationsRemoved, archiveEntriesDestroyed: destroyed.length };
    });
  }
}
