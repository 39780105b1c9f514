import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Principal } from '@vir/auth';
import { AppConfig } from '@vir/config';
import { Client } from 'pg';

export const CREDENTIALS_CHANNEL = 'vir_credentials';
const MAX_AGE_MS = 60_000;

type CachedPrincipal = Omit<Principal, 'correlationId'>;

/**
 * Saves the credential lookup on most requests without weakening revocation: every revocation,
 * disconnection or change commits a NOTIFY on `vir_credentials`, and each api process LISTENs on a
 * connection of its own and empties its cache the moment one arrives. While that connection is
 * down the cache is not used at all, so a revoked credential never works longer than the
 * notification takes to arrive.
 */
@Injectable()
export class CredentialCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CredentialCache.name);
  private readonly entries = new Map<string, { principal: CachedPrincipal; at: number }>();
  private listener?: Client;
  private listening = false;
  private closed = false;
  /** Bumped on every invalidation; a lookup that started before one must not fill the cache. */
  private generation = 0;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  get enabled(): boolean {
    return this.listening;
  }

  currentGeneration(): number {
    return this.generation;
  }

  get(hash: string): CachedPrincipal | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(hash);
    if (!entry || Date.now() - entry.at > MAX_AGE_MS) return undefined;
    return entry.principal;
  }

  set(hash: string, principal: CachedPrincipal, generation: number): void {
    if (!this.listening || generation !== this.generation) return;
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(hash, { principal, at: Date.now() });
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private async listen(attempt = 0): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'verwijsindex-credential-listener',
    });
    client.on('notification', () => this.invalidate());
    client.on('error', () => undefined);
    client.on('end', () => {
      this.listening = false;
      this.invalidate();
      if (!this.closed)
        setTimeout(() => void this.listen(attempt + 1), Math.min(10_000, 250 * 2 ** Math.min(attempt, 6))).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CREDENTIALS_CHANNEL}`);
      this.listener = client;
      this.invalidate();
      this.listening = true;
    } catch (error) {
      this.logger.warn(
        { err: { name: (error as Error).name } },
        'credential cache disabled until PostgreSQL can be listened to',
      );
      await client.end().catch(() => undefined);
    }
  }
}
