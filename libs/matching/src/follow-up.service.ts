import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { addWorkingDays, Clock, IsoDate, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { databaseNow, rows, sql } from '@vir/database';
import { followUpOfficers, organisationsOfCollege } from '@vir/organisations';
import { registrationActive } from '@vir/registrations';
import { signalAboutMatchTo, SignalToWrite, SignalWriter } from '@vir/signals';
import { DataSource, EntityManager } from 'typeorm';

/** A signal about a match (not about one registration's joining); it names everyone involved but its recipient. */
function followUpSignal(
  kind: 'reminder' | 'escalation' | 'match',
  matchId: string,
  recipient: { id: string; organisationId: string },
  role: 'participant' | 'follow_up_officer',
  involved: string[],
): SignalToWrite {
  return {
    kind,
    matchId,
    triggerRegistrationId: null,
    recipientProfessionalId: recipient.id,
    recipientOrganisationId: recipient.organisationId,
    recipientRole: role,
    named: involved.filter((id) => id !== recipient.id),
  };
}

interface MatchRow {
  id: string;
  status: string;
  municipality_code: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
}

/** A municipality's own follow-up terms in working days (null where it keeps the default), and its closing days. */
export interface FollowUpSettings {
  reminderDays: number | null;
  escalationDays: number | null;
  closingDays: readonly IsoDate[];
}

/** The terms of a municipality that set none (or of a match without a municipality). */
export const DEFAULT_FOLLOW_UP: FollowUpSettings = { reminderDays: null, escalationDays: null, closingDays: [] };

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
    const closed = new Set(settings.closingDays);
    return {
      reminderDueOn: addWorkingDays(
        today,
        settings.reminderDays ?? this.config.FOLLOW_UP_REMINDER_WORKING_DAYS,
        closed,
      ),
      escalationDueOn: addWorkingDays(
        today,
        settings.escalationDays ?? this.config.FOLLOW_UP_ESCALATION_WORKING_DAYS,
        closed,
      ),
    };
  }

  /** Open matches whose reminder or escalation is due and not yet sent. */
  async due(): Promise<{ reminders: string[]; escalations: string[] }> {
    const today = this.today();
    const due = await rows<{ id: string; remind: boolean; escalate: boolean }>(
      this.dataSource,
      sql`SELECT id, (reminder_due_on <= ${today}::date AND reminded_at IS NULL) AS remind,
                 (escalation_due_on <= ${today}::date AND escalated_at IS NULL) AS escalate
            FROM matches
           WHERE status = 'open'
             AND ((reminder_due_on <= ${today}::date AND reminded_at IS NULL) OR (escalation_due_on <= ${today}::date AND escalated_at IS NULL))
           ORDER BY created_at LIMIT 5000`,
    );
    return {
      reminders: due.filter((r) => r.remind).map((r) => r.id),
      escalations: due.filter((r) => r.escalate).map((r) => r.id),
    };
  }

  /** Reminds every active participant who has not confirmed contact. Returns how many signals were sent. */
  remind(matchId: string, correlationId?: string | null): Promise<number> {
    return this.onceForMatch(matchId, correlationId, 'reminded_at', 'match.reminded', (_, participants) => {
      const everyone = participants.map((p) => p.professional_id);
      return participants
        .filter((p) => !p.contact_confirmed_at)
        .map((p) =>
          followUpSignal(
            'reminder',
            matchId,
            { id: p.professional_id, organisationId: p.organisation_id },
            'participant',
            everyone,
          ),
        );
    });
  }

  /** Tells the follow-up officers of the match's municipality that contact has not been confirmed in time. */
  escalate(matchId: string, correlationId?: string | null): Promise<number> {
    return this.onceForMatch(
      matchId,
      correlationId,
      'escalated_at',
      'match.escalated',
      async (match, participants, manager) => {
        const officers = await rows<{ id: string; organisation_id: string }>(
          manager,
          sql`SELECT f.id, f.organisation_id FROM ${followUpOfficers()} f WHERE f.municipality_code = ${match.municipality_code}`,
        );
        const everyone = participants.map((p) => p.professional_id);
        return officers.map((o) =>
          followUpSignal(
            'escalation',
            matchId,
            { id: o.id, organisationId: o.organisation_id },
            'follow_up_officer',
            everyone,
          ),
        );
      },
    );
  }

  /**
   * A reminder or escalation: at most once per match (decided under the match's lock from the column
   * that records it), its signals written and the fact traced, all in one transaction.
   */
  private onceForMatch(
    matchId: string,
    correlationId: string | null | undefined,
    sentColumn: 'reminded_at' | 'escalated_at',
    action: 'match.reminded' | 'match.escalated',
    signalsFor: (
      match: MatchRow,
      participants: ParticipantRow[],
      manager: EntityManager,
    ) => SignalToWrite[] | Promise<SignalToWrite[]>,
  ): Promise<number> {
    const actor = { correlationId: correlationId ?? undefined };
    return this.dataSource.transaction(async (manager) => {
      const match = await this.lockOpen(manager, matchId, sentColumn);
      if (!match) return 0;
      const drafts = await signalsFor(match, await this.activeParticipants(manager, matchId), manager);
      const { length: sent } = await this.signals.write(manager, drafts, actor);
      await rows(manager, sql`UPDATE matches SET ${sql.raw(sentColumn)} = ${databaseNow} WHERE id = ${matchId}`);
      await this.audit.record(manager, {
        action,
        objectType: 'match',
        objectId: matchId,
        actor,
        municipalityCode: match.municipality_code,
        details: { signals: sent },
      });
      return sent;
    });
  }

  /**
   * A follow-up officer was designated: the college's open matches that this officer has no signal
   * about yet (made while the college had no officer, or before this one came) each get the copy the
   * officer would have received (Jw 7.1.2.3(1)(c), 7.1.3.2). Returns how many were delivered.
   */
  async deliverMissedCopies(officerId: string, correlationId?: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [officer] = await rows<{ organisation_id: string; municipality_code: string }>(
        manager,
        sql`SELECT f.organisation_id, f.municipality_code FROM ${followUpOfficers()} f WHERE f.id = ${officerId}`,
      );
      if (!officer) return 0;
      const missed = await rows<{ match_id: string; trigger_registration_id: string; named: string[] }>(
        manager,
        sql`SELECT m.id AS match_id, p.trigger_registration_id, p.named
           FROM matches m
           CROSS JOIN LATERAL (
             SELECT (array_agg(mp.registration_id ORDER BY mp.position DESC))[1] AS trigger_registration_id,
                    array_agg(mp.professional_id ORDER BY mp.position) AS named
               FROM match_participants mp
              WHERE mp.match_id = m.id AND mp.left_at IS NULL AND ${registrationActive(sql`mp.registration_id`)}) p
          WHERE m.status <> 'closed' AND p.trigger_registration_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM match_participants mp
                         WHERE mp.match_id = m.id AND mp.left_at IS NULL
                           AND mp.organisation_id IN (${organisationsOfCollege(officer.municipality_code)}))
            AND NOT ${signalAboutMatchTo(sql`m.id`, officerId)}
          ORDER BY m.created_at`,
      );
      const recipient = { id: officerId, organisationId: officer.organisation_id };
      const { length: sent } = await this.signals.write(
        manager,
        missed.map((m) => ({
          ...followUpSignal('match', m.match_id, recipient, 'follow_up_officer', m.named),
          triggerRegistrationId: m.trigger_registration_id,
        })),
        { correlationId: correlationId ?? undefined },
      );
      if (sent > 0) {
        await this.audit.record(manager, {
          action: 'follow-up.copies-delivered',
          objectType: 'professional',
          objectId: officerId,
          actor: { correlationId: correlationId ?? undefined },
          municipalityCode: officer.municipality_code,
          details: { signals: sent },
        });
      }
      return sent;
    });
  }

  private async lockOpen(
    manager: EntityManager,
    matchId: string,
    sentColumn: 'reminded_at' | 'escalated_at',
  ): Promise<MatchRow | undefined> {
    const [match] = await rows<MatchRow>(
      manager,
      sql`SELECT id, status, municipality_code, reminded_at, escalated_at FROM matches WHERE id = ${matchId} FOR UPDATE`,
    );
    if (!match || match.status !== 'open' || match[sentColumn]) return undefined;
    return match;
  }

  private activeParticipants(manager: EntityManager, matchId: string): Promise<ParticipantRow[]> {
    return rows<ParticipantRow>(
      manager,
      sql`SELECT mp.professional_id, mp.organisation_id, mp.contact_confirmed_at FROM match_participants mp
           WHERE mp.match_id = ${matchId} AND mp.left_at IS NULL AND ${registrationActive(sql`mp.registration_id`)}
           ORDER BY mp.position`,
    );
  }
}
