import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { AuditChain } from './audit-chain';

/** Worker only: seals new audit events into the hash chain every AUDIT_SEAL_INTERVAL_MS. */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly chain: AuditChain,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sealAll()
        .catch(() => undefined)
        .finally(() => (this.running = undefined));
    }, this.config.AUDIT_SEAL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sealAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.chain.seal();
      total += sealed;
      if (sealed < 5000) return total;
    }
  }
}
