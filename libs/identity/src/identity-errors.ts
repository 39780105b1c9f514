import { AppError, RuleViolationError } from '@vir/common';

/** The same answer for a wrong e-mail address, a wrong password and a person without an account: nothing to probe. */
export class LoginRefusedError extends AppError {
  constructor(readonly field: 'password' | 'code' = 'password') {
    super(
      'LOGIN_REFUSED',
      401,
      'Login refused',
      field === 'code'
        ? 'The verification code is not right, or was used already.'
        : 'The e-mail address or the password is not right.',
    );
  }
}

export class AccountLockedError extends AppError {
  constructor(readonly minutes: number) {
    super(
      'ACCOUNT_LOCKED',
      423,
      'Account locked',
      `Too many failed attempts; the account is locked for ${minutes} minutes. Your coordinator or administrator can send a new invitation.`,
    );
  }
}

export class LoginThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'LOGIN_THROTTLED',
      429,
      'Too many failed logins',
      `Too many failed logins from your address; retry after ${retryAfterSeconds} s.`,
    );
  }
}

export class InvitationUnusableError extends AppError {
  constructor() {
    super(
      'INVITATION_UNUSABLE',
      410,
      'Invitation no longer valid',
      'This invitation link has expired or was used already. Ask for a new one.',
    );
  }
}

export const passwordTooShort = (minimum: number) =>
  new RuleViolationError(
    'PASSWORD_TOO_SHORT',
    'Password too short',
    `Choose a password of at least ${minimum} characters.`,
    'password',
  );

export const passwordsDiffer = () =>
  new RuleViolationError('PASSWORDS_DIFFER', 'Passwords differ', 'Type the same password twice.', 'passwordRepeat');

export const enrolmentCodeWrong = () =>
  new RuleViolationError(
    'TOTP_CODE_WRONG',
    'Verification code wrong',
    'The code from your authenticator app is not right; try the next one.',
    'code',
  );

export class SessionMissingError extends AppError {
  constructor() {
    super(
      'SESSION_MISSING',
      401,
      'Not logged in',
      'Log in at /inloggen; a session ends after a quiet period or a long day.',
    );
  }
}

export type SsoRefusal =
  'state' | 'denied' | 'provider' | 'provider-unreachable' | 'email-unverified' | 'unknown-person';

/** A login through an organisation's identity provider that did not hold (the reason is traced, never shown in detail). */
export class SsoRefusedError extends AppError {
  constructor(readonly reason: SsoRefusal) {
    super(
      'SSO_REFUSED',
      401,
      'Login through the identity provider refused',
      `The login through your organisation could not be completed (${reason}).`,
    );
  }
}
