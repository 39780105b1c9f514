import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { runPrepared } from '@vir/database';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { FollowUpService } from './follow-up.service';
import { ActiveRegistration, Person, planMatch, SignalDraft } from './match-planner';
import { SignalWriter } from './signal-writer';

interface RegistrationRow {
  id: string;
  youth_key: Buffer | null;
  status: string;
}

export interface MatchOutcome {
  matchId: string | null;
  signals: number;
}

const NO_COPIES = { coordinatorsByOrganisation: new Map(), municipalityByOrganisation: new Map(), officersByMunicipality: new Map() };

/** The registration, with its youth's advisory lock: the first 8 bytes of the key (a keyed hash, so evenly spread). */
const LOCK_YOUTH = `
  SELECT id, youth_key, status,
         CASE WHEN status = 'active' AND youth_key IS NOT NULL
              THEN pg_advisory_xact_lock(('x' || encode(substring(youth_key FROM 1 FOR 8), 'hex'))::bit(64)::bigint) END
    FROM registrations WHERE id = $1`;

/** True when the registration is active and its youth has no other active registration, open match or archive entry. */
const ALONE = `
  SELECT r.status = 'active' AND r.youth_key IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM registrations o WHERE o.youth_key = r.youth_key AND o.status = 'active' AND o.id <> r.id)
         AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.youth_key = r.youth_key AND m.status <> 'closed')
         AND NOT EXISTS (SELECT 1 FROM archive_entries a WHERE a.youth_key = r.youth_key) AS alone
    FROM registrations r WHERE r.id = $1`;

const MARK_CHECKED = `UPDATE registrations SET match_checked_at = now() WHERE id = ANY($1::uuid[]) AND match_checked_at IS NULL`;

const YOUTH_STATE = `
  WITH open_match AS (
    SELECT id FROM matches WHERE youth_key = $1 AND kind = 'same_youth' AND status <> 'closed' FOR UPDATE
  )
  SELECT (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'professionalId', professional_id, 'organisationId', organisation_id,
                   'checked', match_checked_at IS NOT NULL) ORDER BY created_at, id), '[]'::jsonb)
            FROM registrations WHERE youth_key = $1 AND status = 'active') AS active,
         (SELECT id FROM open_match LIMIT 1) AS match_id,
         array(SELECT registration_id FROM match_participants WHERE match_id = (SELECT id FROM open_match LIMIT 1) AND left_at IS NULL) AS participants,
         array(SELECT DISTINCT professional_id FROM archive_entries WHERE youth_key = $1 ORDER BY professional_id) AS archived`;

/** Positions record the order of joining, which is the order the signals describe. */
const JOIN_MATCH = `
  INSERT INTO match_participants (match_id, registration_id, professional_id, organisation_id, position)
  SELECT $1, j.id, j.professional_id, j.organisation_id,
         (SELECT coalesce(max(position), 0) FROM match_participants WHERE match_id = $1) + j.n::int
    FROM jsonb_to_recordset($2::jsonb) AS j(id uuid, professional_id uuid, organisation_id uuid, n int)
  ON CONFLICT DO NOTHING`;

interface YouthState {
  active: (ActiveRegistration & { checked: boolean })[];
  match_id: string | null;
  participants: string[];
  archived: string[];
}

/**
 * Historical archive (Jw 7.1.4.6(2)): a professional who registers a youth with archive entries
 * receives one archive signal naming the archived registrations' professionals — once, only them,
 * never the archived entry's own professional.
 */
function archiveSignals(archived: string[], registrations: ActiveRegistration[]): (SignalDraft & { matchId: null })[] {
  if (archived.length === 0) return [];
  return registrations
    .map((registration) => ({
      kind: 'archive' as const,
      matchId: null,
      triggerRegistrationId: registration.id,
      recipientProfessionalId: registration.professionalId,
      recipientOrganisationId: registration.organisationId,
      recipientRole: 'participant' as const,
      named: archived.filter((id) => id !== registration.professionalId),
    }))
    .filter((draft) => draft.named.length > 0);
}

/**
 * Detects matches under a per-youth PostgreSQL lock and writes them with their signals and
 * outbox events in one transaction. Unique constraints make a repeated run harmless, so a retried,
 * duplicated or re-published job never produces a second match or signal.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly signals: SignalWriter,
    private readonly followUp: FollowUpService,
  ) {}

  async onRegistrationCreated(registrationId: string, correlationId?: string | null): Promise<MatchOutcome> {
    if (await this.checkedAlone(registrationId)) return { matchId: null, signals: 0 };
    return this.dataSource.transaction(async (manager) => {
      // The youth's lock is taken in the statement that finds the registration; everything else is
      // read by the next statement, whose snapshot is taken after the lock was granted.
      const [registration] = await runPrepared<RegistrationRow>(manager, 'match-lock-youth', LOCK_YOUTH, [registrationId]);
      if (!registration) throw new UnrecoverableError(`registration ${registrationId} does not exist`);
      if (registration.status !== 'active' || !registration.youth_key) return { matchId: null, signals: 0 };
      const youthKey = registration.youth_key;
      const { active, match_id: openMatchId, participants, archived } = await this.youthState(manager, youthKey);
      const canMatch = active.length >= 2;
      const copies = canMatch ? await this.copyRecipients(manager, active.map((r) => r.organisationId)) : NO_COPIES;
      const plan = planMatch({ active, participants: new Set(participants), matchExists: openMatchId !== null, ...copies });

      let matchId = openMatchId;
      if (plan.createMatch) {
        // Follow-up deadlines come from the municipality of the organisation that founded the match.
        const municipality = copies.municipalityByOrganisation.get(plan.join[0].organisationId) ?? null;
        const due = await this.followUp.deadlines(manager, municipality);
        const [created]: { id: string }[] = await manager.query(
          `INSERT INTO matches (youth_key, municipality_code, reminder_due_on, escalation_due_on) VALUES ($1, $2, $3, $4) RETURNING id`,
          [youthKey, municipality, due.reminderDueOn, due.escalationDueOn],
        );
        matchId = created.id;
      }
      if (matchId && plan.join.length > 0) {
        await runPrepared(manager, 'match-join', JOIN_MATCH, [
          matchId,
          JSON.stringify(plan.join.map((r, i) => ({ id: r.id, professional_id: r.professionalId, organisation_id: r.organisationId, n: i + 1 }))),
        ]);
      }
      const drafts: (SignalDraft & { matchId: string | null })[] = plan.signals.map((s) => ({ ...s, matchId }));
      const unchecked = active.filter((r) => !r.checked);
      drafts.push(...archiveSignals(archived, unchecked));
      const written = await this.signals.write(manager, drafts, { correlationId: correlationId ?? undefined });

      const audit = this.audit.manyCte(
        plan.createMatch
          ? [{ action: 'match.created', objectType: 'match', objectId: matchId, actor: { correlationId: correlationId ?? undefined }, details: { participants: plan.join.length } }]
          : [],
        2,
      );
      await runPrepared(manager, 'match-checked', `WITH checked AS (${MARK_CHECKED}), audited AS (${audit.sql}) SELECT 1`, [
        unchecked.map((r) => r.id),
        ...audit.params,
      ]);
      return { matchId, signals: written };
    });
  }

  /** A registration ended: it leaves its match; a match with fewer than two active registrations closes. */
  async onRegistrationRemoved(registrationId: string, correlationId?: string | null): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const memberships: { match_id: string }[] = await manager.query(
        `SELECT mp.match_id FROM match_participants mp JOIN matches m ON m.id = mp.match_id
          WHERE mp.registration_id = $1 AND m.status <> 'closed' ORDER BY mp.match_id`,
        [registrationId],
      );
      const closed: string[] = [];
      for (const { match_id: matchId } of memberships) {
        await manager.query(`SELECT id FROM matches WHERE id = $1 FOR UPDATE`, [matchId]);
        await manager.query(`UPDATE match_participants SET left_at = now() WHERE match_id = $1 AND registration_id = $2 AND left_at IS NULL`, [
          matchId,
          registrationId,
        ]);
        const [{ remaining }]: { remaining: number }[] = await manager.query(
          `SELECT count(*)::int AS remaining FROM match_participants mp JOIN registrations r ON r.id = mp.registration_id
            WHERE mp.match_id = $1 AND mp.left_at IS NULL AND r.status = 'active'`,
          [matchId],
        );
        if (remaining < 2) {
          const [row] = (await manager.query(
            `UPDATE matches SET status = 'closed', closed_at = now(), youth_key = NULL WHERE id = $1 AND status <> 'closed' RETURNING id`,
            [matchId],
          )) as [{ id: string }[], number];
          if (row.length > 0) {
            closed.push(matchId);
            await this.audit.record(manager, {
              action: 'match.closed',
              objectType: 'match',
              objectId: matchId,
              actor: { correlationId: correlationId ?? undefined },
              details: { reason: 'fewer_than_two_registrations' },
            });
          }
        }
      }
      return closed;
    });
  }

  /**
   * Most registrations are the only one of their youth. When the youth has no other active
   * registration, no open match and no archive entry, the registration is marked checked in two
   * statements without a transaction or lock: a registration of the same youth committed meanwhile
   * has its own job, which then sees this one and takes the locked path. Returns false when there
   * is something to match, or the registration is not active (the locked path decides).
   */
  private async checkedAlone(registrationId: string): Promise<boolean> {
    const [row] = await runPrepared<{ alone: boolean }>(this.dataSource, 'match-alone', ALONE, [registrationId]);
    if (!row?.alone) return false;
    await runPrepared(this.dataSource, 'match-alone-checked', MARK_CHECKED, [[registrationId]]);
    return true;
  }

  /** Under the youth's lock: its active registrations (oldest first), open match, that match's participants and archived professionals. */
  private async youthState(manager: EntityManager, youthKey: Buffer): Promise<YouthState> {
    const [state] = await runPrepared<YouthState>(manager, 'match-youth-state', YOUTH_STATE, [youthKey]);
    return state;
  }

  /** Coordinators of the organisations involved and follow-up officers of their municipalities. */
  private async copyRecipients(manager: EntityManager, organisationIds: string[]) {
    const rows = await runPrepared<{ organisation_id: string; municipality_code: string; coordinators: Person[] | null; officers: Person[] | null }>(
      manager,
      'match-copy-recipients',
      `SELECT o.id AS organisation_id, o.municipality_code,
              (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'organisationId', c.organisation_id) ORDER BY c.id)
                 FROM professionals c WHERE c.organisation_id = o.id AND c.role = 'coordinator' AND c.active) AS coordinators,
              (SELECT jsonb_agg(jsonb_build_object('id', f.id, 'organisationId', f.organisation_id) ORDER BY f.id)
                 FROM professionals f JOIN organisations g ON g.id = f.organisation_id
                WHERE g.municipality_code = o.municipality_code AND g.kind = 'municipality' AND g.status = 'connected'
                  AND f.role = 'follow_up_officer' AND f.active) AS officers
         FROM organisations o WHERE o.id = ANY($1)`,
      [[...new Set(organisationIds)]],
    );
    return {
      coordinatorsByOrganisation: new Map(rows.map((r) => [r.organisation_id, r.coordinators ?? []])),
      municipalityByOrganisation: new Map(rows.map((r) => [r.organisation_id, r.municipality_code])),
      officersByMunicipality: new Map(rows.map((r) => [r.municipality_code, r.officers ?? []])),
    };
  }
}
