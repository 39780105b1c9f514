import type { OpenSession } from '../../session-store';

export class LogOutCommand {
  constructor(
    readonly session: OpenSession,
    readonly correlationId: string,
  ) {}
}
