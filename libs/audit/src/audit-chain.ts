import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface EventRow {
  id: string;
  occurred_at: Date;
  action: string;
  object_type: string;
  object_id: string | null;
  actor_credential_id: string | null;
  actor_organisation_id: string | null;
  actor_professional_id: string | null;
  details: unknown;
  correlation_id: string | null;
}

const GENESIS = Buffer.alloc(32);
const SEAL_LOCK = 71_402_302;
/** How far below the last sealed id to look for events whose transaction committed late. */
const LATE_COMMIT_WINDOW = 100_000;
/** Events hashed between two turns of the event loop. */
const HASH_SLICE = 250;
const COLUMNS = `id, occurred_at, action, object_type, object_id, actor_credential_id, actor_organisation_id,
  actor_professional_id, details, correlation_id`;

/** hash = SHA-256(previous hash ‖ the event in a fixed textual form). */
export function eventHash(previous: Buffer, event: EventRow): Buffer {
  const canonical = JSON.stringify([
    String(event.id),
    new Date(event.occurred_at).toISOString(),
    event.action,
    event.object_type,
    event.object_id,
    event.actor_credential_id,
    event.actor_organisation_id,
    event.actor_professional_id,
    event.details,
    event.correlation_id,
  ]);
  return createHash('sha256').update(previous).update(canonical, 'utf8').digest();
}

export type VerifyResult =
  | { intact: true; checked: number; unsealed: number }
  | { intact: false; checked: number; brokenAtEventId: string; chainPosition: string; reason: string };

/**
 * Seals audit events into a hash chain and verifies it. Events are appended without a hash (so
 * writers never wait on each other); the worker appends a link per event to `audit_chain` in
 * batches, under an advisory lock. Changing or removing a sealed event, or a link, breaks the chain.
 */
@Injectable()
export class AuditChain {
  private readonly logger = new Logger(AuditChain.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Seals up to `limit` events; returns how many. Normally only events above the highest sealed id
   * are read (cheap); with `catchUp` the last LATE_COMMIT_WINDOW ids are searched for events whose
   * transaction committed after later ones were sealed. `verify` counts any event never sealed.
   */
  async seal(limit = 5000, catchUp = false): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEAL_LOCK]);
      if (!locked) return 0;
      const [last]: { position: string; hash: Buffer; highest: string | null }[] = await manager.query(
        `SELECT position, hash, (SELECT max(event_id) FROM audit_chain) AS highest FROM audit_chain ORDER BY position DESC LIMIT 1`,
      );
      const highest = Number(last?.highest ?? 0);
      const events: EventRow[] = catchUp
        ? await manager.query(
            `SELECT ${COLUMNS} FROM audit_events e
              WHERE e.id > $1 AND e.id <= $2 AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
              ORDER BY e.id LIMIT $3`,
            [Math.max(0, highest - LATE_COMMIT_WINDOW), highest, limit],
          )
        : await manager.query(`SELECT ${COLUMNS} FROM audit_events e WHERE e.id > $1 ORDER BY e.id LIMIT $2`, [highest, limit]);
      let previous: Buffer = last?.hash ?? GENESIS;
      let position = BigInt(last?.position ?? 0);
      const links: { position: string; event_id: string; prev: string; hash: string }[] = [];
      for (const [index, event] of events.entries()) {
        // Hashing thousands of events takes tens of milliseconds: let the worker's other jobs run in between.
        if (index > 0 && index % HASH_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        position += 1n;
        const hash = eventHash(previous, event);
        links.push({ position: position.toString(), event_id: String(event.id), prev: previous.toString('hex'), hash: hash.toString('hex') });
        previous = hash;
      }
      if (links.length > 0) {
        await manager.query(
          `INSERT INTO audit_chain (position, event_id, prev_hash, hash)
           SELECT position, event_id, decode(prev, 'hex'), decode(hash, 'hex')
             FROM jsonb_to_recordset($1::jsonb) AS l(position bigint, event_id bigint, prev text, hash text)`,
          [JSON.stringify(links)],
        );
      }
      return links.length;
    });
  }

  /** Walks the whole chain; names the first event whose hash or link does not match. */
  async verify(batch = 10_000): Promise<VerifyResult> {
    let previous: Buffer = GENESIS;
    let after = 0n;
    let checked = 0;
    for (;;) {
      const rows: (Partial<EventRow> & { position: string; event_id: string; chain_prev: Buffer; chain_hash: Buffer; present: boolean })[] =
        await this.dataSource.query(
          `SELECT c.position, c.event_id, c.prev_hash AS chain_prev, c.hash AS chain_hash, e.id IS NOT NULL AS present,
                  e.id, e.occurred_at, e.action, e.object_type, e.object_id, e.actor_credential_id, e.actor_organisation_id,
                  e.actor_professional_id, e.details, e.correlation_id
             FROM audit_chain c LEFT JOIN audit_events e ON e.id = c.event_id
            WHERE c.position > $1 ORDER BY c.position LIMIT $2`,
          [after.toString(), batch],
        );
      for (const row of rows) {
        const expectedPosition = after + 1n;
        const broken = (reason: string): VerifyResult => ({
          intact: false,
          checked,
          brokenAtEventId: String(row.event_id),
          chainPosition: String(row.position),
          reason,
        });
        if (BigInt(row.position) !== expectedPosition) return broken(`the link at chain position ${expectedPosition} is missing`);
        if (!row.chain_prev.equals(previous)) return broken('the link to the previous event does not match');
        if (!row.present) return broken('the event was removed after it was sealed');
        const hash = eventHash(previous, row as EventRow);
        if (!row.chain_hash.equals(hash)) return broken('the event was changed after it was sealed');
        previous = hash;
        after = expectedPosition;
        checked += 1;
      }
      if (rows.length < batch) break;
    }
    const [{ unsealed }] = await this.dataSource.query(
      `SELECT ((SELECT count(*) FROM audit_events) - (SELECT count(*) FROM audit_chain c JOIN audit_events e ON e.id = c.event_id))::int AS unsealed`,
    );
    this.logger.log({ checked, unsealed }, 'audit chain verified');
    return { intact: true, checked, unsealed };
  }
}
