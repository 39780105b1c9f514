import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { addWorkingDays, Clock, IsoDate, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { DataSource, EntityManager } from 'typeorm';
import { SignalWriter } from './signal-writer';

interface MatchRow {
  id: string;
  status: string;
  municipality_code: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
}

/** A municipality's own follow-up terms in working days; null where it keeps the default. */
export interface FollowUpSettings {
  reminderDays: number | null;
  escalationDays: number | null;
}

interface ParticipantRow {
  professional_id: string;
  organisation_id: string;
  contact_confirmed_at: Date | null;
}

/**
 * The follow-up of a match (Jw 7.1.3.2): a reminder to participants who have not confirmed contact
 * after the reminder deadline, and an escalation signal to the follow-up officer after the
 * escalation deadline, each at most once per match, decided from the database so that a worker
 * restart or a repeated job never sends one twice.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signals: SignalWriter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  today(): IsoDate {
    return todayInAmsterdam(this.clock.now());
  }

  /** Deadlines of a match founded today, in working days as its municipality set them (or the defaults). */
  deadlines(settings: FollowUpSettings): { reminderDueOn: IsoDate; escalationDueOn: IsoDate } {
    const today = this.today();
    return {
      reminderDueOn: addWorkingDays(today, settings.reminderDays ?? this.config.FOLLOW_UP_REMINDER_WORKING_DAYS),
      escalationDueOn: addWorkingDays(today, settings.escalationDays ?? this.config.FOLLOW_UP_ESCALATION_WORKING_DAYS),
    };
  }

  /** Open matches whose reminder or escalation is due and not yet sent. */
  async due(): Promise<{ reminders: string[]; escalations: string[] }> {
    const today = this.today();
    const rows: { id: string; remind: boolean; escalate: boolean }[] = await this.dataSource.query(
      `SELECT id, (reminder_due_on <= $1 AND reminded_at IS NULL) AS remind, (escalation_due_on <= $1 AND escalated_at IS NULL) AS escalate
         FROM matches
        WHERE status = 'open' AND ((reminder_due_on <= $1 AND reminded_at IS NULL) OR (escalation_due_on <= $1 AND escalated_at IS NULL))
        ORDER BY created_at LIMIT 5000`,
      [today],
    );
    return { reminders: rows.filter((r) => r.remind).map((r) => r.id), escalations: rows.filter((r) => r.escalate).map((r) => r.id) };
  }

  /** Reminds every active participant who has not confirmed contact. Returns how many signals were sent. */
  async remind(matchId: string, correlationId?: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const match = await this.lockOpen(manager, matchId, 'reminded_at');
      if (!match) return 0;
      const participants = await this.activeParticipants(manager, matchId);
      const everyone = participants.map((p) => p.professional_id);
      const { length: sent } = await this.signals.write(
        manager,
        participants
          .filter((p) => !p.contact_confirmed_at)
          .map((p) => ({
            kind: 'reminder' as const,
            matchId,
            triggerRegistrationId: null,
            recipientProfessionalId: p.professional_id,
            recipientOrganisationId: p.organisation_id,
            recipientRole: 'participant' as const,
            named: everyone.filter((id) => id !== p.professional_id),
          })),
        { correlationId: correlationId ?? undefined },
      );
      await manager.query(`UPDATE matches SET reminded_at = now() WHERE id = $1`, [matchId]);
      await this.audit.record(manager, { action: 'match.reminded', objectType: 'match', objectId: matchId, actor: { correlationId: correlationId ?? undefined }, details: { signals: sent } });
      return sent;
    });
  }

  /** Tells the follow-up officers of the match's municipality that contact has not been confirmed in time. */
  async escalate(matchId: string, correlationId?: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const match = await this.lockOpen(manager, matchId, 'escalated_at');
      if (!match) return 0;
      const participants = await this.activeParticipants(manager, matchId);
      const officers: { id: string; organisation_id: string }[] = await manager.query(
        `SELECT f.id, f.organisation_id FROM professionals f JOIN organisations g ON g.id = f.organisation_id
          WHERE g.municipality_code = $1 AND g.kind = 'municipality' AND g.status = 'connected' AND f.role = 'follow_up_officer' AND f.active`,
        [match.municipality_code],
      );
      const { length: sent } = await this.signals.write(
        manager,
        officers.map((officer) => ({
          kind: 'escalation' as const,
          matchId,
          triggerRegistrationId: null,
          recipientProfessionalId: officer.id,
          recipientOrganisationId: officer.organisation_id,
          recipientRole: 'follow_up_officer' as const,
          named: participants.map((p) => p.professional_id),
        })),
        { correlationId: correlationId ?? undefined },
      );
      await manager.query(`UPDATE matches SET escalated_at = now() WHERE id = $1`, [matchId]);
      await this.audit.record(manager, { action: 'match.escalated', objectType: 'match', objectId: matchId, actor: { correlationId: correlationId ?? undefined }, details: { signals: sent } });
      return sent;
    });
  }

  private async lockOpen(manager: EntityManager, matchId: string, sentColumn: 'reminded_at' | 'escalated_at'): Promise<MatchRow | undefined> {
    const [match]: MatchRow[] = await manager.query(
      `SELECT id, status, municipality_code, reminded_at, escalated_at FROM matches WHERE id = $1 FOR UPDATE`,
      [matchId],
    );
    if (!match || match.status !== 'open' || match[sentColumn]) return undefined;
    return match;
  }

  private activeParticipants(manager: EntityManager, matchId: string): Promise<ParticipantRow[]> {
    return manager.query(
      `SELECT mp.professional_id, mp.organisation_id, mp.contact_confirmed_at FROM match_participants mp
         JOIN registrations r ON r.id = mp.registration_id
        WHERE mp.match_id = $1 AND mp.left_at IS NULL AND r.status = 'active' ORDER BY mp.position`,
      [matchId],
    );
  }
}
