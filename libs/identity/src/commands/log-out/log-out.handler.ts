import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { DataSource } from 'typeorm';
import { personActor } from '../../person-actor';
import { SessionStore } from '../../session-store';
import { LogOutCommand } from './log-out.command';

@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly audit: AuditLog,
  ) {}

  async execute({ session, correlationId }: LogOutCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.end(manager, session.sessionId, 'logout');
      await this.audit.record(manager, {
        action: 'person.logged-out',
        objectType: 'person',
        objectId: session.person.personId,
        actor: personActor(session.person, correlationId),
      });
    });
  }
}
