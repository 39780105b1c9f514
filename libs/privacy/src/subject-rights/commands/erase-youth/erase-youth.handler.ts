import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { RuleViolationError } from '@vir/common';
import { youthIdentifier, YouthKeyService } from '@vir/pseudonymisation';
import { RegistrationRemoval } from '@vir/registrations';
import { DataSource } from 'typeorm';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SubjectErasureView } from '../../subject-rights.view';
import { EraseYouthCommand } from './erase-youth.command';

/** Erasure or objection decided by the college (AVG 17, 21), for its own organisations only (Jw 7.1.2.2(3)). */
@CommandHandler(EraseYouthCommand)
export class EraseYouthHandler implements ICommandHandler<EraseYouthCommand, SubjectErasureView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly youthKeys: YouthKeyService,
    private readonly removal: RegistrationRemoval,
    private readonly audit: AuditLog,
  ) {}

  /** Erasure or objection: the registrations end without archiving; without a selection the archive goes too. */
  async execute({ principal, input }: EraseYouthCommand): Promise<SubjectErasureView> {
    const keys = this.youthKeys.allKeys(youthIdentifier(input.youth));
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      if (input.registrationIds) {
        const active = await this.removal.activeOfYouth(manager, keys, principal.municipalityCode);
        if (input.registrationIds.some((id) => !active.includes(id))) {
          throw new RuleViolationError(
            'REGISTRATION_NOT_OF_THIS_YOUTH',
            'Not a registration of this youth',
            "Every registrationId must be an active registration of the youth named, at one of your college's organisations.",
            'registrationIds',
          );
        }
      }
      const removed = await this.removal.removeYouth(
        manager,
        keys,
        input.ground,
        actor,
        principal.municipalityCode,
        input.registrationIds,
      );
      await this.audit.record(manager, {
        action: 'subject-erasure.carried-out',
        objectType: 'subject-request',
        actor,
        details: { ground: input.ground, ...removed },
      });
      return removed;
    });
  }
}
