import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { databaseNow, rows, sql } from '@vir/database';
import { Metrics } from '@vir/observability';
import { ScheduledWorker } from '@vir/queue';
import { DataSource } from 'typeorm';
import { appendAnchor } from '../audit-anchor';
import { AuditChain } from '../audit-chain';

/**
 * Worker only: seals new audit events into the chain every AUDIT_SEAL_INTERVAL_MS, and whenever
 * the head has moved appends it, signed, to AUDIT_ANCHOR_FILE (at most every AUDIT_ANCHOR_INTERVAL_MS). `vir_audit_oldest_unsealed_seconds` shows a sealer that stopped.
 */
@Injectable()
export class AuditSealer extends ScheduledWorker {
  readonly schedules = {
    'audit-seal': () => this.tick(),
  };

  private ticks = 0;
  private anchoredAt = 0;
  private anchoredPosition?: string;

  constructor(
    private readonly chain: AuditChain,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    metrics: Metrics,
  ) {
    super();
    metrics.gauge(
      'vir_audit_oldest_unsealed_seconds',
      'Age of the oldest audit event not yet sealed into the chain (0 when none)',
      [],
      async (gauge) => {
        const [row] = await rows<{ age: number | null }>(
          this.dataSource,
          sql`SELECT extract(epoch FROM ${databaseNow} - min(e.occurred_at))::float AS age FROM audit_events e
               WHERE e.id > coalesce((SELECT max(event_id) FROM audit_chain), 0)`,
        );
        gauge.set(row?.age ?? 0);
      },
    );
  }

  private async tick(): Promise<void> {
    // Every 30th round also looks back for events that committed late.
    this.ticks += 1;
    await this.sealAll(this.ticks % 30 === 0);
    await this.anchor();
  }

  async sealAll(catchUp = false): Promise<number> {
    let total = catchUp ? await this.chain.seal(5000, true) : 0;
    for (;;) {
      const sealed = await this.chain.seal();
      total += sealed;
      if (sealed < 5000) return total;
    }
  }

  /** Appends the chain's head to the anchor file, unless it was anchored within the interval or has not moved. */
  async anchor(force = false): Promise<boolean> {
    const file = this.config.AUDIT_ANCHOR_FILE;
    if (!file) return false;
    if (!force && Date.now() - this.anchoredAt < this.config.AUDIT_ANCHOR_INTERVAL_MS) return false;
    const head = await this.chain.head();
    if (!head || head.position === this.anchoredPosition) return false;
    await appendAnchor(file, head);
    this.anchoredAt = Date.now();
    this.anchoredPosition = head.position;
    return true;
  }
}
