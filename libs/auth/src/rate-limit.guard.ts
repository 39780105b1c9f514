import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from './principal';

/** Limits per credential (not per IP: many case systems sit behind one gateway). */
@Injectable()
export class CredentialRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request.principal as Principal | undefined;
    return principal ? `credential-${principal.credentialId}` : `ip-${String(request.ip)}`;
  }
}
