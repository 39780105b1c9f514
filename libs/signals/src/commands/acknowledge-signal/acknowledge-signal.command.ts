import type { Principal } from '@vir/auth';

export class AcknowledgeSignalCommand {
  constructor(
    readonly principal: Principal,
    readonly signalId: string,
  ) {}
}
