import { hash } from '@node-rs/argon2';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { execute, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { enrolmentCodeWrong, passwordsDiffer, passwordTooShort } from '../../identity-errors';
import { openInvitation } from '../../invitation-lookup';
import { personActor } from '../../person-actor';
import { SecondFactor } from '../../second-factor';
import { SessionStore } from '../../session-store';
import { AcceptedInvitation, AcceptInvitationCommand } from './accept-invitation.command';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, AcceptedInvitation> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly secondFactor: SecondFactor,
    private readonly sessions: SessionStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: AcceptInvitationCommand): Promise<AcceptedInvitation> {
    const now = this.clock.now();
    // Checked before the form's fields, so a used or expired link says so whatever was typed.
    await openInvitation(this.dataSource, command.token, now);
    if ([...command.password].length < PASSWORD_MIN_LENGTH) throw passwordTooShort(PASSWORD_MIN_LENGTH);
    if (command.password.length > PASSWORD_MAX_LENGTH) throw passwordTooShort(PASSWORD_MIN_LENGTH);
    if (command.password !== command.passwordRepeat) throw passwordsDiffer();
    const passwordHash = await hash(command.password); // argon2id with the library's OWASP defaults

    return this.dataSource.transaction(async (manager) => {
      const invitation = await openInvitation(manager, command.token, now, true);
      const secret = this.secondFactor.unseal(invitation.sealedSecret);
      const step = this.secondFactor.checkTotp(secret, command.code, 0, now);
      if (step === null) throw enrolmentCodeWrong();
      const { person } = invitation;
      const recoveryCodes = this.secondFactor.newRecoveryCodes();
      await execute(manager, sql`UPDATE invitations SET used_at = ${now} WHERE id = ${invitation.invitationId}`);
      await execute(
        manager,
        sql`INSERT INTO accounts (person_id, login_email, password_hash, totp_secret, totp_last_step, created_at, updated_at)
            VALUES (${person.personId}, ${person.email}, ${passwordHash}, ${invitation.sealedSecret}, ${step}, ${now}, ${now})
            ON CONFLICT (person_id) DO UPDATE SET login_email = EXCLUDED.login_email, password_hash = EXCLUDED.password_hash,
              totp_secret = EXCLUDED.totp_secret, totp_last_step = EXCLUDED.totp_last_step, failed_attempts = 0,
              locked_until = NULL, updated_at = EXCLUDED.updated_at`,
      );
      await execute(manager, sql`DELETE FROM recovery_codes WHERE person_id = ${person.personId}`);
      await execute(
        manager,
        sql`INSERT INTO recovery_codes (person_id, code_hash)
            SELECT ${person.personId}::uuid, unnest(${recoveryCodes.map((code) => this.secondFactor.recoveryCodeHash(code))}::bytea[])`,
      );
      const ended = await this.sessions.endAllOf(manager, person.personId, 'credentials_reset');
      await this.audit.record(manager, {
        action: 'person.enrolled',
        objectType: 'person',
        objectId: person.personId,
        actor: personActor(person, command.correlationId),
        details: { secondFactor: 'totp', recoveryCodes: recoveryCodes.length, sessionsEnded: ended },
      });
      return { email: person.email, recoveryCodes };
    });
  }
}
