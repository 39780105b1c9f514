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
  chain_position?: string;
  prev_hash?: Buffer | null;
  hash?: Buffer | null;
}

const GENESIS = Buffer.alloc(32);
const SEAL_LOCK = 71_402_302;
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
 * writers never wait on each other); the worker seals them in batches, in the order it finds them,
 * under an advisory lock. Changing or removing a sealed event breaks the chain at that event.
 */
@Injectable()
export class AuditChain {
  private readonly logger = new Logger(AuditChain.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Seals up to `limit` events; returns how many. */
  async seal(limit = 5000): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEAL_LOCK]);
      if (!locked) return 0;
      const [last]: { chain_position: string; hash: Buffer }[] = await manager.query(
        `SELECT chain_position, hash FROM audit_events WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1`,
      );
      const events: EventRow[] = await manager.query(`SELECT ${COLUMNS} FROM audit_events WHERE hash IS NULL ORDER BY id LIMIT $1`, [limit]);
      let previous: Buffer = last?.hash ?? GENESIS;
      let position = BigInt(last?.chain_position ?? 0);
      const sealed: { id: string; position: string; prev: string; hash: string }[] = [];
      for (const event of events) {
        position += 1n;
        const hash = eventHash(previous, event);
        sealed.push({ id: String(event.id), position: position.toString(), prev: previous.toString('hex'), hash: hash.toString('hex') });
        previous = hash;
      }
      if (sealed.length > 0) {
        await manager.query(
          `UPDATE audit_events a SET chain_position = s.position, prev_hash = decode(s.prev, 'hex'), hash = decode(s.hash, 'hex')
             FROM jsonb_to_recordset($1::jsonb) AS s(id bigint, position bigint, prev text, hash text)
            WHERE a.id = s.id`,
          [JSON.stringify(sealed)],
        );
      }
      return sealed.length;
    });
  }

  /** Walks the whole chain; names the first event whose hash or link does not match. */
  async verify(batch = 10_000): Promise<VerifyResult> {
    let previous: Buffer = GENESIS;
    let after = 0n;
    let checked = 0;
    for (;;) {
      const rows: EventRow[] = await this.dataSource.query(
        `SELECT ${COLUMNS}, chain_position, prev_hash, hash FROM audit_events
          WHERE chain_position > $1 ORDER BY chain_position LIMIT $2`,
        [after.toString(), batch],
      );
      for (const row of rows) {
        const expectedPosition = after + 1n;
        const broken = (reason: string): VerifyResult => ({
          intact: false,
          checked,
          brokenAtEventId: String(row.id),
          chainPosition: String(row.chain_position),
          reason,
        });
        if (BigInt(row.chain_position as string) !== expectedPosition) return broken(`event at chain position ${expectedPosition} is missing`);
        if (!row.prev_hash || !row.prev_hash.equals(previous)) return broken('the link to the previous event does not match');
        const hash = eventHash(previous, row);
        if (!row.hash || !row.hash.equals(hash)) return broken('the event was changed after it was sealed');
        previous = hash;
        after = expectedPosition;
        checked += 1;
      }
      if (rows.length < batch) break;
    }
    const [{ unsealed }] = await this.dataSource.query(`SELECT count(*)::int AS unsealed FROM audit_events WHERE hash IS NULL`);
    this.logger.log({ checked, unsealed }, 'audit chain verified');
    return { intact: true, checked, unsealed };
  }
}
