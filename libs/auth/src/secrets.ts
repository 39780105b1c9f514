import { createHash, randomBytes } from 'node:crypto';

/** Credential secrets are 256 bits of randomness, so a fast hash is enough to store them safely. */
export function newCredentialSecret(): string {
  return `vir_${randomBytes(32).toString('base64url')}`;
}

export function hashCredentialSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
