import type { Principal } from '@vir/auth';
import type { ContactOutcome } from './confirm-contact.dto';

export class ConfirmContactCommand {
  constructor(
    readonly principal: Principal,
    readonly matchId: string,
    readonly professionalId: string,
    readonly outcome: ContactOutcome = 'contact_made',
  ) {}
}
