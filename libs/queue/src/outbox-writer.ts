import { Injectable } from '@nestjs/common';
import { rows, sql, type Sql } from '@vir/database';
import type { EntityManager } from 'typeorm';

/** Topics of events that must survive a crash; each is relayed to a BullMQ queue by the worker. */
export const OUTBOX_TOPICS = [
  'registration.created',
  'registration.removed',
  'organisation.disconnected',
  'follow-up-officer.designated',
  // The signals one statement created, per channel: one job delivers them together.
  'signals.email',
  'signals.webhook',
  'incident.notification',
] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/** Payloads carry ids only: never a BSN, youth key, name or contact detail. */
export type OutboxPayload = Record<string, string | number | boolean | null | string[]>;

/**
 * Writes an event in the caller's transaction: the change and the promise to act on it
 * are committed together, so nothing accepted is lost when Redis is down.
 */
@Injectable()
export class OutboxWriter {
  async add(manager: EntityManager, topic: OutboxTopic, payload: OutboxPayload, correlationId?: string): Promise<void> {
    await rows(
      manager,
      outboxInsert(sql`VALUES (${topic}, ${JSON.stringify(payload)}::jsonb, ${correlationId ?? null})`),
    );
  }
}

/**
 * The outbox insert as a step of another lib's statement (`WITH …, announced AS (…)`), so a change
 * and its event are one round trip. `events` yields (topic, payload, correlation_id); a topic is
 * one of OUTBOX_TOPICS, a payload ids only.
 */
export function outboxInsert(events: Sql): Sql {
  return sql`INSERT INTO outbox (topic, payload, correlation_id) ${events}`;
}

/** The ids named by `key` in the payloads of `topic` events the relay has not published yet (a subquery). */
export function unpublishedIds(topic: OutboxTopic, key: string): Sql {
  return sql`SELECT (payload->>${key})::uuid FROM outbox WHERE published_at IS NULL AND topic = ${topic}`;
}
