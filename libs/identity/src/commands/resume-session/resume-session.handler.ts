import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OpenSession, SessionStore } from '../../session-store';
import { TOKEN_SHAPE } from '../../tokens';
import { ResumeSessionCommand } from './resume-session.command';

@CommandHandler(ResumeSessionCommand)
export class ResumeSessionHandler implements ICommandHandler<ResumeSessionCommand, OpenSession | null> {
  constructor(private readonly sessions: SessionStore) {}

  async execute({ token }: ResumeSessionCommand): Promise<OpenSession | null> {
    return TOKEN_SHAPE.test(token) ? this.sessions.resume(token) : null;
  }
}
