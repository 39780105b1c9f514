import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import type { Actor } from '@vir/common';
import { AppConfig } from '@vir/config';
import { databaseNow, rows, sql } from '@vir/database';
import { organisationFacts, standInsToday, wantsSignalDigest } from '@vir/organisations';
import { outboxInsert } from '@vir/queue';
import type { EntityManager } from 'typeorm';
import type { MatchKind, SIGNAL_KINDS } from './signal-view';

export interface SignalToWrite {
  kind: (typeof SIGNAL_KINDS)[number];
  matchId: string | null;
  /** The kind of the signal's match (none without a match). */
  matchKind?: MatchKind;
  /** Kind `move`: the municipality the youth moved to. */
  movedTo?: string;
  /** The registration whose arrival caused the signal; none for follow-up signals. */
  triggerRegistrationId: string | null;
  recipientProfessionalId: string;
  recipientOrganisationId: string;
  recipientRole: 'participant' | 'coordinator' | 'follow_up_officer';
  /** The professionals this signal names: the others involved, never the recipient. */
  named: string[];
  /** The correlation id of the request behind this signal, when it differs from the writer's actor's. */
  correlationId?: string | null;
}

export interface WrittenSignal {
  id: string;
  triggerRegistrationId: string | null;
}

/** Writes signals for matching and follow-up alike, and decides each signal's delivery channels. */
@Injectable()
export class SignalWriter {
  constructor(
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /**
   * Inserts the signals that do not exist yet, and a copy for each recipient's stand-in of the day
   * (unique constraints make a rerun harmless); each is in its recipient's inbox from that moment,
   * which is recorded as its inbox delivery, and traced in the audit log. For e-mail (when
   * configured, and not for a recipient who takes the daily digest) and the recipient organisation's webhook (when it has one) a pending delivery per
   * signal and one outbox event per channel hand the signals to the delivery worker, which attempts
   * them together. All of it is one statement.
   *
   * Each signal's audit event carries the correlation id of its draft (looked up by the registration
   * that triggered it), else the actor's. The outbox events carry the one correlation id all drafts
   * share, or none when they come from several requests. Returns the signals created.
   */
  async write(manager: EntityManager, drafts: SignalToWrite[], actor: Actor): Promise<WrittenSignal[]> {
    if (drafts.length === 0) return [];
    const correlationOf = (d: SignalToWrite) => d.correlationId ?? actor.correlationId ?? null;
    const correlations = new Set(drafts.map(correlationOf));
    const byTrigger: Record<string, string> = Object.fromEntries(
      drafts
        .filter((d) => d.triggerRegistrationId && d.correlationId)
        .map((d) => [d.triggerRegistrationId as string, d.correlationId as string]),
    );
    const audit = this.audit.cte(
      { action: 'signal.created', objectType: 'signal', actor },
      sql`(SELECT c.id AS object_id, c.kind, c.recipient_organisation_id, c.recipient_professional_id, c.trigger_registration_id,
                c.on_behalf_of_professional_id, o.municipality_code
          FROM created c JOIN ${organisationFacts()} o ON o.id = c.recipient_organisation_id)`,
      {
        municipality: sql`f.municipality_code`,
        details: sql`jsonb_build_object('kind', f.kind, 'channel', 'inbox', 'recipientOrganisationId', f.recipient_organisation_id,
          'recipientProfessionalId', f.recipient_professional_id) || CASE WHEN f.on_behalf_of_professional_id IS NULL THEN '{}'::jsonb
          ELSE jsonb_build_object('onBehalfOfProfessionalId', f.on_behalf_of_professional_id) END`,
        correlation: (actorCorrelation) =>
          sql`coalesce(${JSON.stringify(byTrigger)}::jsonb ->> f.trigger_registration_id::text, ${actorCorrelation})`,
      },
    );
    const drafted = drafts.map((d) => ({
      kind: d.kind,
      match_id: d.matchId,
      match_kind: d.matchKind ?? null,
      moved_to: d.movedTo ?? null,
      trigger_registration_id: d.triggerRegistrationId,
      recipient_professional_id: d.recipientProfessionalId,
      recipient_organisation_id: d.recipientOrganisationId,
      recipient_role: d.recipientRole,
      named: d.named,
    }));
    const shared = correlations.size === 1 ? [...correlations][0] : null;
    const created = await rows<{ id: string; trigger_registration_id: string | null }>(
      manager,
      sql`WITH drafted AS (
         SELECT d.kind, d.match_id, d.moved_to, d.trigger_registration_id, d.recipient_professional_id, d.recipient_organisation_id,
              d.recipient_role, d.named,
              -- A follow-up signal takes the kind of its match from the match's first signals.
              coalesce(d.match_kind, CASE WHEN d.match_id IS NOT NULL THEN
                (SELECT s.match_kind FROM signals s WHERE s.match_id = d.match_id AND s.match_kind IS NOT NULL LIMIT 1) END) AS match_kind
         FROM jsonb_to_recordset(${JSON.stringify(drafted)}::jsonb) AS d(kind text, match_id uuid, match_kind text, moved_to char(4), trigger_registration_id uuid,
                recipient_professional_id uuid, recipient_organisation_id uuid, recipient_role text, named uuid[])
       ), created AS (
         -- Each signal, then a copy for the recipient's stand-in of today (vervanger), unless the
         -- stand-in is involved in it themselves; the recipient's own signal goes first, so a
         -- stand-in who receives the same signal in their own right keeps that one.
         INSERT INTO signals (kind, match_id, match_kind, moved_to, trigger_registration_id, recipient_professional_id, recipient_organisation_id, recipient_role,
                              named_professional_ids, on_behalf_of_professional_id)
         SELECT kind, match_id, match_kind, moved_to, trigger_registration_id, recipient_professional_id, recipient_organisation_id, recipient_role, named, NULL::uuid
           FROM drafted
         UNION ALL
         SELECT d.kind, d.match_id, d.match_kind, d.moved_to, d.trigger_registration_id, si.stand_in_id, d.recipient_organisation_id, d.recipient_role, d.named,
                d.recipient_professional_id
           FROM drafted d JOIN ${standInsToday()} si ON si.professional_id = d.recipient_professional_id
          WHERE NOT (si.stand_in_id = ANY(d.named))
         ON CONFLICT DO NOTHING
         RETURNING id, recipient_organisation_id, recipient_professional_id, kind, trigger_registration_id, on_behalf_of_professional_id
       ), channels AS (
         SELECT c.id, c.recipient_organisation_id, ch.channel
           FROM created c JOIN ${organisationFacts()} o ON o.id = c.recipient_organisation_id
          CROSS JOIN LATERAL (VALUES ('inbox'), ('email'), ('webhook')) AS ch(channel)
          WHERE ch.channel = 'inbox'
             -- A person who takes the daily digest gets this signal in it, not in an e-mail of its own.
             OR (ch.channel = 'email' AND ${this.config.SMTP_URL !== undefined}::boolean
                 AND NOT ${wantsSignalDigest(sql`c.recipient_professional_id`)})
             OR (ch.channel = 'webhook' AND o.has_webhook)
       ), deliveries AS (
         INSERT INTO signal_deliveries (signal_id, channel, status, attempts, first_attempt_at, last_attempt_at, delivered_at, organisation_id)
         SELECT id, channel, CASE channel WHEN 'inbox' THEN 'delivered' ELSE 'pending' END,
                CASE channel WHEN 'inbox' THEN 1 ELSE 0 END,
                CASE channel WHEN 'inbox' THEN ${databaseNow} END, CASE channel WHEN 'inbox' THEN ${databaseNow} END, CASE channel WHEN 'inbox' THEN ${databaseNow} END,
                recipient_organisation_id
           FROM channels
       ), announced AS (
         -- Topics signals.email and signals.webhook: one event per channel names all its signals.
         ${outboxInsert(sql`SELECT 'signals.' || channel, jsonb_build_object('signalIds', jsonb_agg(id ORDER BY id)), ${shared}::text
           FROM channels WHERE channel <> 'inbox' GROUP BY channel`)}
       ), audited AS (${audit})
       SELECT id, trigger_registration_id FROM created`,
    );
    return created.map((row) => ({ id: row.id, triggerRegistrationId: row.trigger_registration_id }));
  }
}
