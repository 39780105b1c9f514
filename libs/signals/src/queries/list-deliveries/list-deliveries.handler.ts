import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isDateTime, ValidationFailedError } from '@vir/common';
import { rows, sql } from '@vir/database';
import { OrganisationAccess } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { DeliveryPage, ListWebhookDeliveriesQuery } from './list-deliveries.query';

/** Keyset position in the list: the latest attempt (UTC, to the microsecond; '-infinity' for none), signal and channel. */
type Position = [at: string, signalId: string, channel: string];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodePosition(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      typeof parsed[0] === 'string' &&
      (parsed[0] === '-infinity' || isDateTime(parsed[0])) &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1]) &&
      (parsed[2] === 'email' || parsed[2] === 'webhook')
    ) {
      return parsed as Position;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailedError([{ field: 'cursor', reason: 'cursor is not one this service handed out' }]);
}

/**
 * E-mail and webhook deliveries of an organisation's signals, latest attempt first (never attempted
 * last); dead letters with `status=dead`. Only for the organisation's own college's administrator.
 */
@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery, DeliveryPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
  ) {}

  async execute({ principal, organisationId, params }: ListWebhookDeliveriesQuery): Promise<DeliveryPage> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    const after = decodePosition(params.cursor);
    const at = sql`coalesce(last_attempt_at, '-infinity'::timestamptz)`;
    const found = await rows<{
      signal_id: string;
      channel: string;
      status: string;
      attempts: number;
      first_attempt_at: Date | null;
      last_attempt_at: Date | null;
      delivered_at: Date | null;
      last_error: string | null;
      position_at: string;
    }>(
      this.dataSource,
      sql`SELECT signal_id, channel, status, attempts, first_attempt_at, last_attempt_at, delivered_at, last_error,
                 CASE WHEN last_attempt_at IS NULL THEN '-infinity'
                      ELSE to_char(last_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS position_at
            FROM signal_deliveries
           WHERE organisation_id = ${organisation.id} AND channel <> 'inbox'
             ${params.status ? sql`AND status = ${params.status}` : sql``}
             ${after ? sql`AND (${at}, signal_id, channel) < (${after[0]}::timestamptz, ${after[1]}::uuid, ${after[2]})` : sql``}
           ORDER BY ${at} DESC, signal_id DESC, channel DESC LIMIT ${params.limit + 1}`,
    );
    const page = found.slice(0, params.limit);
    const last = page[page.length - 1];
    const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
    return {
      items: page.map((r) => ({
        signalId: r.signal_id,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        firstAttemptAt: iso(r.first_attempt_at),
        lastAttemptAt: iso(r.last_attempt_at),
        deliveredAt: iso(r.delivered_at),
        lastError: r.last_error,
      })),
      nextCursor:
        found.length > params.limit && last
          ? Buffer.from(JSON.stringify([last.position_at, last.signal_id, last.channel])).toString('base64url')
          : null,
    };
  }
}
