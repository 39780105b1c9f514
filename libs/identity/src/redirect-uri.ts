import type { AppConfig } from '@vir/config';

/** Where a provider sends the browser back; the administrator registers it at the provider. */
export function redirectUriOf(config: AppConfig): string {
  return `${config.PORTAL_URL.replace(/\/$/, '')}/inloggen/sso/terug`;
}
