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
};

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
   * the audit log. When e-mail is configured, or the recipient's organisation has a webhook, an
   * outbox event hands the signal to the delivery worker.
   */
  async write(manager: EntityManager, drafts: SignalToWrite[], actor: Actor): Promise<number> {
    if (drafts.length === 0) return 0;
    const created: { id: string; recipient_organisation_id: string; recipient_professional_id: string; kind: string }[] = await manager.query(
      `WITH created AS (
         INSERT INTO signals (kind, match_id, trigger_registration_id, recipient_professional_id, recipient_organisation_id, recipient_role, named_professional_ids)
         SELECT kind, match_id, trigger_registration_id, recipient_professional_id, recipient_organisation_id, recipient_role, named
           FROM jsonb_to_recordset($1::jsonb) AS d(kind text, match_id uuid, trigger_registration_id uuid, recipient_professional_id uuid,
                recipient_organisation_id uuid, recipient_role text, named uuid[])
         ON CONFLICT DO NOTHING
         RETURNING id, recipient_organisation_id, recipient_professional_id, kind
       ), delivered AS (
         INSERT INTO signal_deliveries (signal_id, channel, status, attempts, first_attempt_at, last_attempt_at, delivered_at, organisation_id)
         SELECT id, 'inbox', 'delivered', 1, now(), now(), now(), recipient_organisation_id FROM created
       ), announced AS (
         INSERT INTO outbox (topic, payload, correlation_id)
         SELECT 'signal.created', jsonb_build_object('signalId', c.id), $2
           FROM created c JOIN organisations o ON o.id = c.recipient_organisation_id
          WHERE $3 OR o.webhook_url IS NOT NULL
       )
       SELECT * FROM created`,
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
        actor.correlationId ?? null,
        this.config.SMTP_URL !== undefined,
      ],
    );
    await this.audit.recordMany(
      manager,
      created.map((signal) => ({
        action: 'signal.created',
        objectType: 'signal',
        objectId: signal.id,
        actor,
        details: {
          kind: signal.kind,
          channel: 'inbox',
          recipientOrganisationId: signal.recipient_organisation_id,
          recipientProfessionalId: signal.recipient_professional_id,
        },
      })),
    );
    return created.length;
  }
}
