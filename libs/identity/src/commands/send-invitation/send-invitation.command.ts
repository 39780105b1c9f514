import { ApiProperty } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';

/** Mails a person of an organisation a one-time invitation to the portal (first login, or a reset). */
export class SendInvitationCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
  ) {}
}

export class SentInvitationView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty({ format: 'email', description: 'Where the link was sent: the person’s own e-mail address.' })
  sentTo: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
