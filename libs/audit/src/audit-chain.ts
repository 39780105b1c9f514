import { createHash, createHmac } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { DataSource } from 'typeorm';
import { Anchor, anchorIsSigned, readAnchors, signAnchor } from './audit-anchor';

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
  municipality_code: string | null;
}

const GENESIS = Buffer.alloc(32);
const SEAL_LOCK = 71_402_302;
/** How far below the last sealed id to look for events whose transaction committed late. */
const LATE_COMMIT_WINDOW = 100_000;
/** Events hashed between two turns of the event loop. */
const HASH_SLICE = 250;
const COLUMNS = `id, occurred_at, action, object_type, object_id, actor_credential_id, actor_organisation_id,
  actor_professional_id, details, correlation_id, municipality_code`;

function canonical(event: EventRow, withCollege: boolean): string {
  const fields: unknown[] = [
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
  ];
  if (withCollege) fields.push(event.municipality_code);
  return JSON.stringify(fields);
}

/**
 * A link's hash. Keyed links (all made since the chain was keyed) are HMAC-SHA-256 under the audit
 * key over (previous hash ‖ event): without the key nobody can compute a link, so an edited event
 * cannot be re-chained. Links from before are SHA-256 without the college.
 */
export function eventHash(previous: Buffer, event: EventRow, key?: Buffer): Buffer {
  if (key) return createHmac('sha256', key).update(previous).update(canonical(event, true), 'utf8').digest();
  return createHash('sha256').update(previous).update(canonical(event, false), 'utf8').digest();
}

export interface AnchorProblem {
  line: number;
  position: string | null;
  at: string | null;
  problem: string;
}

export type VerifyResult =
  | { intact: true; checked: number; unsealed: number; anchorsChecked: number }
  | {
      intact: false;
      checked: number;
      brokenAtEventId: string | null;
      chainPosition: string | null;
      reason: string;
      anchorProblems: AnchorProblem[];
      anchorsChecked: number;
    };

export class AuditKeyMissingError extends Error {
  constructor() {
    super('VIR_AUDIT_KEY is not set: the audit chain can be sealed and verified only with its key.');
    this.name = 'AuditKeyMissingError';
  }
}

/**
 * Seals audit events into a keyed hash chain and verifies it. Events are appended without a hash (so
 * writers never wait on each other); the worker appends a link per event to `audit_chain` in
 * batches, under an advisory lock, and writes the signed head to an anchor file outside the
 * database. Changing or removing a sealed event or link breaks the chain there; cutting or re-sealing
 * the tail no longer matches the anchors.
 */
@Injectable()
export class AuditChain {
  private readonly logger = new Logger(AuditChain.name);
  private readonly key?: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.key = config.VIR_AUDIT_KEY ? Buffer.from(config.VIR_AUDIT_KEY, 'utf8') : undefined;
  }

  get keyed(): boolean {
    return this.key !== undefined;
  }

  private requireKey(): Buffer {
    if (!this.key) throw new AuditKeyMissingError();
    return this.key;
  }

  /**
   * Seals up to `limit` events; returns how many. Normally only events above the highest sealed id
   * are read (cheap); with `catchUp` the last LATE_COMMIT_WINDOW ids are searched for events whose
   * transaction committed after later ones were sealed. `verify` counts any event never sealed.
   */
  async seal(limit = 5000, catchUp = false): Promise<number> {
    const key = this.requireKey();
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [SEAL_LOCK],
      );
      if (!locked) return 0;
      const [last] = await manager.query<{ position: string; hash: Buffer; highest: string | null }[]>(
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
        : await manager.query(`SELECT ${COLUMNS} FROM audit_events e WHERE e.id > $1 ORDER BY e.id LIMIT $2`, [
            highest,
            limit,
          ]);
      let previous: Buffer = last?.hash ?? GENESIS;
      let position = BigInt(last?.position ?? 0);
      const links: { position: string; event_id: string; prev: string; hash: string }[] = [];
      for (const [index, event] of events.entries()) {
        // Hashing thousands of events takes tens of milliseconds: let the worker's other jobs run in between.
        if (index > 0 && index % HASH_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        position += 1n;
        const hash = eventHash(previous, event, key);
        links.push({
          position: position.toString(),
          event_id: String(event.id),
          prev: previous.toString('hex'),
          hash: hash.toString('hex'),
        });
        previous = hash;
      }
      if (links.length > 0) {
        await manager.query(
          `INSERT INTO audit_chain (position, event_id, prev_hash, hash, keyed)
           SELECT position, event_id, decode(prev, 'hex'), decode(hash, 'hex'), true
             FROM jsonb_to_recordset($1::jsonb) AS l(position bigint, event_id bigint, prev text, hash text)`,
          [JSON.stringify(links)],
        );
      }
      return links.length;
    });
  }

  /** The chain's current head, signed with the audit key, for the anchor file; undefined while the chain is empty. */
  async head(): Promise<Anchor | undefined> {
    const key = this.requireKey();
    const [row]: { position: string; event_id: string; hash: Buffer }[] = await this.dataSource.query(
      `SELECT position, event_id, hash FROM audit_chain ORDER BY position DESC LIMIT 1`,
    );
    if (!row) return undefined;
    return signAnchor(key, {
      position: String(row.position),
      eventId: String(row.event_id),
      hash: row.hash.toString('hex'),
      at: new Date().toISOString(),
    });
  }

  /**
   * Walks the whole chain and names the first event whose hash or link does not match; then, given
   * an anchor file, checks that every anchored head is still in the chain as it was.
   */
  async verify({ anchorFile, batch = 10_000 }: { anchorFile?: string; batch?: number } = {}): Promise<VerifyResult> {
    const key = this.requireKey();
    let previous: Buffer = GENESIS;
    let after = 0n;
    let checked = 0;
    let broken: { eventId: string; position: string; reason: string } | undefined;
    walk: for (;;) {
      const rows: (Partial<EventRow> & {
        position: string;
        event_id: string;
        chain_prev: Buffer;
        chain_hash: Buffer;
        keyed: boolean;
        present: boolean;
      })[] = await this.dataSource.query(
        `SELECT c.position, c.event_id, c.prev_hash AS chain_prev, c.hash AS chain_hash, c.keyed, e.id IS NOT NULL AS present,
                  e.id, e.occurred_at, e.action, e.object_type, e.object_id, e.actor_credential_id, e.actor_organisation_id,
                  e.actor_professional_id, e.details, e.correlation_id, e.municipality_code
             FROM audit_chain c LEFT JOIN audit_events e ON e.id = c.event_id
            WHERE c.position > $1 ORDER BY c.position LIMIT $2`,
        [after.toString(), batch],
      );
      for (const row of rows) {
        const expectedPosition = after + 1n;
        const at = (reason: string) => ({ eventId: String(row.event_id), position: String(row.position), reason });
        if (BigInt(row.position) !== expectedPosition)
          broken = at(`the link at chain position ${expectedPosition} is missing`);
        else if (!row.chain_prev.equals(previous)) broken = at('the link to the previous event does not match');
        else if (!row.present) broken = at('the event was removed after it was sealed');
        else if (!row.chain_hash.equals(eventHash(previous, row as EventRow, row.keyed ? key : undefined))) {
          broken = at(
            row.keyed
              ? 'the event was changed after it was sealed, or its link was not made with this audit key'
              : 'the event was changed after it was sealed',
          );
        }
        if (broken) break walk;
        previous = row.chain_hash;
        after = expectedPosition;
        checked += 1;
      }
      if (rows.length < batch) break;
    }
    const anchors = anchorFile ? await this.checkAnchors(anchorFile, key) : { problems: [], checked: 0 };
    if (broken || anchors.problems.length > 0) {
      return {
        intact: false,
        checked,
        brokenAtEventId: broken?.eventId ?? null,
        chainPosition: broken?.position ?? null,
        reason: broken?.reason ?? anchors.problems[0].problem,
        anchorProblems: anchors.problems,
        anchorsChecked: anchors.checked,
      };
    }
    const [{ unsealed }] = await this.dataSource.query<{ unsealed: number }[]>(
      `SELECT ((SELECT count(*) FROM audit_events) - (SELECT count(*) FROM audit_chain c JOIN audit_events e ON e.id = c.event_id))::int AS unsealed`,
    );
    this.logger.log({ checked, unsealed, anchorsChecked: anchors.checked }, 'audit chain verified');
    return { intact: true, checked, unsealed, anchorsChecked: anchors.checked };
  }

  /** Every anchored head must still be in the chain, at its position, with its hash. */
  private async checkAnchors(file: string, key: Buffer): Promise<{ problems: AnchorProblem[]; checked: number }> {
    const problems: AnchorProblem[] = [];
    const entries = await readAnchors(file);
    const signed = entries.filter((e): e is { line: number; anchor: Anchor } => {
      if (!e.anchor)
        problems.push({
          line: e.line,
          position: null,
          at: null,
          problem: `line ${e.line} of the anchor file is not an anchor`,
        });
      else if (!anchorIsSigned(key, e.anchor)) {
        problems.push({
          line: e.line,
          position: e.anchor.position,
          at: e.anchor.at,
          problem: `the anchor on line ${e.line} is not signed with this audit key`,
        });
      } else return true;
      return false;
    });
    if (signed.length === 0) return { problems, checked: 0 };
    const rows: { position: string; event_id: string; hash: Buffer }[] = await this.dataSource.query(
      `SELECT c.position::text, c.event_id::text, c.hash FROM audit_chain c WHERE c.position = ANY($1::bigint[])`,
      [signed.map((e) => e.anchor.position)],
    );
    const byPosition = new Map(rows.map((r) => [String(r.position), r]));
    for (const { line, anchor } of signed) {
      const link = byPosition.get(anchor.position);
      if (!link) {
        problems.push({
          line,
          position: anchor.position,
          at: anchor.at,
          problem: `the chain was cut: position ${anchor.position}, anchored at ${anchor.at}, is missing`,
        });
      } else if (link.hash.toString('hex') !== anchor.hash || link.event_id !== anchor.eventId) {
        problems.push({
          line,
          position: anchor.position,
          at: anchor.at,
          problem: `the chain was rewritten: position ${anchor.position} no longer holds the link anchored at ${anchor.at} (event ${anchor.eventId})`,
        });
      }
    }
    return { problems, checked: signed.length };
  }
}
