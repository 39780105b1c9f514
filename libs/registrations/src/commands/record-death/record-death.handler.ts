import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { youthIdentifier, YouthKeyService } from '@vir/pseudonymisation';
import { DataSource } from 'typeorm';
import { RegistrationRemoval } from '../../registration-removal';
import { RecordDeathCommand } from './record-death.command';
import type { DeathRecordedView } from './record-death.dto';

/**
 * A death notice typed in by a college's administrator: every registration of the youth at the
 * college's own organisations ends as `deceased` and their archive entries are destroyed, at once
 * and without archiving (Jw 7.1.4.5(2)(c), 7.1.4.6(1)). Another college's registrations are that
 * college's to remove (its administrator, or the BRP's death notice for the whole region).
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
    const { bsn, surname, sex } = input.youth;
    // With a BSN nothing else is needed; without one the service number needs surname, birth date and sex.
    const identifier =
      bsn !== undefined && surname === undefined && sex === undefined ? { bsn } : youthIdentifier(input.youth);
    const keys = this.youthKeys.allKeys(identifier);
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const removed = await this.removal.removeYouth(manager, keys, 'deceased', actor, principal.municipalityCode);
      await this.audit.record(manager, {
        action: 'death.recorded',
        objectType: 'youth',
        actor,
        details: { ...removed, source: 'administrator' },
      });
      return removed;
    });
  }
}
