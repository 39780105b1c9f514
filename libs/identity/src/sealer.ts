import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AppConfig } from '@vir/config';

/**
 * Keeps a secret the service must read back (a TOTP secret, an identity provider's client secret)
 * sealed at rest: AES-256-GCM under a key derived from VIR_PSEUDONYM_KEY for one purpose, so a copy
 * of the database opens nothing and one purpose's key opens no other's.
 */
export class Sealer {
  private readonly key: Buffer;

  constructor(config: AppConfig, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', config.VIR_PSEUDONYM_KEY, 'verwijsindex', purpose, 32));
  }

  seal(secret: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  unseal(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }
}
