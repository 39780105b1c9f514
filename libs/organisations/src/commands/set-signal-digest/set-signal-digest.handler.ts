import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { AppError } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { SetSignalDigestCommand } from './set-signal-digest.command';

/** Records a person's own choice of signal e-mail; a case system's credential has no person to choose for. */
@CommandHandler(SetSignalDigestCommand)
export class SetSignalDigestHandler implements ICommandHandler<SetSignalDigestCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, daily }: SetSignalDigestCommand): Promise<void> {
    const person = principal.person;
    if (!person)
      throw new AppError(
        'PERSON_REQUIRED',
        403,
        'Not a person',
        'Only a person chooses how they receive signal e-mail.',
      );
    await this.dataSource.transaction(async (manager) => {
      const changed = await execute(
        manager,
        sql`UPDATE professionals SET signal_digest = ${daily} WHERE id = ${person.id} AND signal_digest <> ${daily}`,
      );
      if (changed > 0)
        await this.audit.record(manager, {
          action: 'professional.signal-digest-set',
          objectType: 'professional',
          objectId: person.id,
          actor: actorOf(principal),
          details: { daily },
        });
    });
  }
}
