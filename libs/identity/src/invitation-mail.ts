import { AppError } from '@vir/common';
import type { Mailer } from '@vir/mail';
import type { NewInvitation } from './invitations';

export class InvitationMailFailedError extends AppError {
  constructor() {
    super(
      'INVITATION_MAIL_FAILED',
      503,
      'Invitation not sent',
      'The e-mail could not be sent now; nothing was changed. Try again in a moment.',
    );
  }
}

/**
 * Sends the invitation inside the transaction that made it, before the commit: when the e-mail
 * cannot go out, the refusal rolls everything back and no link exists.
 */
export async function mailInvitation(mailer: Mailer, invitation: NewInvitation): Promise<void> {
  try {
    await mailer.send(invitationMail(invitation));
  } catch {
    throw new InvitationMailFailedError();
  }
}

const DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** The invitation e-mail, in Dutch: whose account, the link, until when. Nothing about any youth. */
export function invitationMail(invitation: NewInvitation): { to: string; subject: string; text: string } {
  const { person } = invitation;
  return {
    to: person.email,
    subject: 'Uw account voor de verwijsindex',
    text: [
      `Beste ${person.name},`,
      '',
      `U bent uitgenodigd om in te loggen op de verwijsindex risicojongeren, voor ${person.organisationName}.`,
      'Met de link hieronder kiest u een wachtwoord en koppelt u een authenticator-app op uw telefoon.',
      '',
      invitation.link,
      '',
      `De link werkt één keer en is geldig tot ${DATE.format(invitation.expiresAt)}.`,
      'Hebt u deze uitnodiging niet verwacht? Dan kunt u dit bericht negeren.',
    ].join('\n'),
  };
}
