import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { Sealer } from '@vir/pseudonymisation';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_SHAPE = /^[a-z2-9]{5}-[a-z2-9]{5}$/;
const TOTP_SHAPE = /^\d{6}$/;
const PERIOD_SECONDS = 30;

/**
 * The second factor: TOTP (RFC 6238, 30-second steps, six digits, one step of clock drift each way,
 * a step never accepted twice) and one-time recovery codes. TOTP secrets are kept sealed (Sealer).
 */
@Injectable()
export class SecondFactor {
  private readonly sealer: Sealer;

  constructor(config: AppConfig) {
    this.sealer = new Sealer(config.VIR_PSEUDONYM_KEY, 'totp-secret-seal');
  }

  newSecret(): string {
    return generateSecret();
  }

  /** What an authenticator app reads (as a link or typed in): issuer, the person's e-mail, the secret. */
  uri(secret: string, label: string): string {
    return generateURI({ issuer: 'Verwijsindex', label, secret });
  }

  seal(secret: string): Buffer {
    return this.sealer.seal(secret);
  }

  unseal(sealed: Buffer): string {
    return this.sealer.unseal(sealed);
  }

  /** The time step a valid code belongs to, or null; a step at or before `lastStep` is a replay. */
  checkTotp(secret: string, code: string, lastStep: number, now: Date): number | null {
    const token = code.replace(/\s/g, '');
    if (!TOTP_SHAPE.test(token)) return null;
    const epoch = Math.floor(now.getTime() / 1000);
    const result = verifySync({ secret, token, epochTolerance: PERIOD_SECONDS, epoch });
    if (!result.valid) return null;
    const step = Math.floor(epoch / PERIOD_SECONDS) + result.delta;
    return step > lastStep ? step : null;
  }

  isRecoveryCodeShape(code: string): boolean {
    return RECOVERY_SHAPE.test(code.trim().toLowerCase());
  }

  newRecoveryCodes(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
  }

  recoveryCodeHash(code: string): Buffer {
    return createHash('sha256').update(`recovery|${code.trim().toLowerCase()}`).digest();
  }
}
