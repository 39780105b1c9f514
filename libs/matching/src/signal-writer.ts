import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import type { Actor } from '@vir/common';
import { AppConfig } from '@vir/config';
import type { EntityManager } from 'typeorm';
import type { SignalDraft } from './match-planner';

export type SignalToWrite = Omit<SignalDraft, 'triggerRegistrationId' | 'kind'> & {
  kind: SignalDraft['kind'] | 'reminder' | 'escalation';
  triggerRegistrationId: string | null;
  matchId: string | null;
  /** The correlation id of the request behind this signal, when it differs from the writer's actor's. */
  correlationId?: string | null;
};

export interface WrittenSignal {
  id: string;
  triggerRegistrationId: string | null;
}

/** Writes signals for matching and follow-up alike. */
@Injectable()
export class SignalWriter {
  constructor(
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /**
   * Inserts the signals that do not exist yet (unique constraints make a rerun harmless); each is in
   * its recipient's inbox from that moment, which is recorded as its inbox delivery, and traced in
   * the audit log. For e-mail (when configured) and the recipient organisation's webhook (when it
   * has one) a pending delivery per signal and one outbox event per channel hand the signals to the
   * delivery worker, which attempts them together. All of it is one statement.
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
      `(SELECT c.id AS object_id, c.kind, c.recipient_organisation_id, c.recipient_professional_id, c.trigger_registration_id, o.municipality_code
          FROM created c JOIN organisations o ON o.id = c.recipient_organisation_id)`,
      5,
      {
        municipalitySql: 'f.municipality_code',
        detailsSql: `jsonb_build_object('kind', f.kind, 'channel', 'inbox', 'recipientOrganisationId', f.recipient_organisation_id, 'recipientProfessionalId', f.recipient_professional_id)`,
        correlationSql: (actorCorrelation) =>
          `coalesce($4::jsonb ->> f.trigger_registration_id::text, ${actorCorrelation})`,
      },
    );
    const created: { id: string; trigger_registration_id: string | null }[] = await manager.query(
      `WITH created AS (
         INSERT INTO signals (kind, match_id, trigger_registration_id, recipient_professional_id, recipient_organisation_id, recipient_role, named_professional_ids)
         SELECT kind, match_id, trigger_registration_id, recipient_professional_id, recipient_organisation_id, recipient_role, named
           FROM jsonb_to_recordset($1::jsonb) AS d(kind text, match_id uuid, trigger_registration_id uuid, recipient_professional_id uuid,
                recipient_organisation_id uuid, recipient_role text, named uuid[])
         ON CONFLICT DO NOTHING
         RETURNING id, recipient_organisation_id, recipient_professional_id, kind, trigger_registration_id
       ), channels AS (
         SELECT c.id, c.recipient_organisation_id, ch.channel
           FROM created c JOIN organisations o ON o.id = c.recipient_organisation_id
          CROSS JOIN LATERAL (VALUES ('inbox'), ('email'), ('webhook')) AS ch(channel)
          WHERE ch.channel = 'inbox' OR (ch.channel = 'email' AND $3) OR (ch.channel = 'webhook' AND o.webhook_url IS NOT NULL)
       ), deliveries AS (
         INSERT INTO signal_deliveries (signal_id, channel, status, attempts, first_attempt_at, last_attempt_at, delivered_at, organisation_id)
         SELECT id, channel, CASE channel WHEN 'inbox' THEN 'delivered' ELSE 'pending' END,
                CASE channel WHEN 'inbox' THEN 1 ELSE 0 END,
                CASE channel WHEN 'inbox' THEN now() END, CASE channel WHEN 'inbox' THEN now() END, CASE channel WHEN 'inbox' THEN now() END,
                recipient_organisation_id
           FROM channels
       ), announced AS (
         INSERT INTO outbox (topic, payload, correlation_id)
         SELECT 'signals.' || channel, jsonb_build_object('signalIds', jsonb_agg(id ORDER BY id)), $2
           FROM channels WHERE channel <> 'inbox' GROUP BY channel
       ), audited AS (${audit.sql})
       SELECT id, trigger_registration_id FROM created`,
      [
        JSON.stringify(
          drafts.map((d) => ({
            kind: d.kind,
            match_id: d.matchId,
            trigger_registration_id: d.triggerRegistrationId,
            recipient_professional_id: d.recipientProfessionalId,
            recipient_organisation_id: d.recipientOrganisationId,
            recipient_role: d.recipientRole,
            named: d.named,
          })),
        ),
        correlations.size === 1 ? [...correlations][0] : null,
        this.config.SMTP_URL !== undefined,
        JSON.stringify(byTrigger),
        ...audit.params,
      ],
    );
    return created.map((row) => ({ id: row.id, triggerRegistrationId: row.trigger_registration_id }));
  }
}
