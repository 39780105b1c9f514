import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { AuditChain } from './audit-chain';

/** Worker only: seals new audit events into the hash chain every AUDIT_SEAL_INTERVAL_MS. */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private ticks = 0;

  constructor(
    private readonly chain: AuditChain,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // Every 30th round also looks back for events that committed late.
      this.ticks += 1;
      this.running ??= this.sealAll(this.ticks % 30 === 0)
        .catch(() => undefined)
        .finally(() => (this.running = undefined));
    }, this.config.AUDIT_SEAL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sealAll(catchUp = false): Promise<number> {
    let total = catchUp ? await this.chain.seal(5000, true) : 0;
    for (;;) {
      const sealed = await this.chain.seal();
      total += sealed;
      if (sealed < 5000) return total;
    }
  }
}
