/** Identity: people log in as themselves — invitations, built-in accounts with a password and TOTP, and server-side portal sessions. */
export { IdentityModule } from './identity.module';
export { InvitationsApiModule } from './invitations-api.module';
export { InvitePersonCommand } from './commands/invite-person/invite-person.command';
export type { Invitation } from './commands/invite-person/invite-person.command';
export { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command';
export type { AcceptedInvitation } from './commands/accept-invitation/accept-invitation.command';
export { LogInCommand } from './commands/log-in/log-in.command';
export type { PendingLogin } from './commands/log-in/log-in.command';
export { ConfirmSecondFactorCommand } from './commands/confirm-second-factor/confirm-second-factor.command';
export type { ActiveLogin } from './commands/confirm-second-factor/confirm-second-factor.command';
export { ResumeSessionCommand } from './commands/resume-session/resume-session.command';
export { LogOutCommand } from './commands/log-out/log-out.command';
export { GetInvitationQuery } from './queries/get-invitation/get-invitation.query';
export type { InvitationView } from './queries/get-invitation/get-invitation.query';
export type { OpenSession } from './session-store';
export { sameSecret } from './tokens';
export { DemoAccounts } from './demo-accounts';
export type { DemoLogin } from './demo-accounts';
