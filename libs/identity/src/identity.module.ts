import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { ConfirmSecondFactorHandler } from './commands/confirm-second-factor/confirm-second-factor.handler';
import { InvitePersonHandler } from './commands/invite-person/invite-person.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { ResumeSessionHandler } from './commands/resume-session/resume-session.handler';
import { FinishSsoLoginHandler } from './commands/finish-sso-login/finish-sso-login.handler';
import { StartSsoLoginHandler } from './commands/start-sso-login/start-sso-login.handler';
import { DemoAccounts } from './demo-accounts';
import { IdentityProviders } from './identity-providers';
import { OidcClient } from './oidc-client';
import { ListSsoOrganisationsHandler } from './queries/list-sso-organisations/list-sso-organisations.handler';
import { Invitations } from './invitations';
import { LoginAttempts } from './login-attempts';
import { LoginThrottle } from './login-throttle';
import { GetInvitationHandler } from './queries/get-invitation/get-invitation.handler';
import { SecondFactor } from './second-factor';
import { SessionStore } from './session-store';

/** Identity: people's built-in accounts (argon2id password and TOTP), invitations and portal sessions. */
@Module({
  imports: [CqrsModule],
  providers: [
    SecondFactor,
    SessionStore,
    LoginThrottle,
    LoginAttempts,
    DemoAccounts,
    Invitations,
    IdentityProviders,
    OidcClient,
    StartSsoLoginHandler,
    FinishSsoLoginHandler,
    ListSsoOrganisationsHandler,
    InvitePersonHandler,
    GetInvitationHandler,
    AcceptInvitationHandler,
    LogInHandler,
    ConfirmSecondFactorHandler,
    ResumeSessionHandler,
    LogOutHandler,
  ],
  exports: [DemoAccounts, IdentityProviders],
})
export class IdentityModule {}
