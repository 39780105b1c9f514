import { Injectable } from '@nestjs/common';
import { AuditLog, AuditEventInput } from '@vir/audit';
import { Batcher, BatchOutcome } from '@vir/common';
import { AppConfig } from '@vir/config';
import { rows, sql } from '@vir/database';
import { copyRecipients } from '@vir/organisations';
import { markMatchChecked } from '@vir/registrations';
import { OutboxRelay } from '@vir/queue';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { FollowUpService, FollowUpSettings } from './follow-up.service';
import { ActiveRegistration, MatchPlan, Person, planMatch, SignalDraft } from './match-planner';
import { checkAlone, createMatches, joinMatches, Joining, lockYouths, NewMatch, youthStates } from './match-statements';
import { SignalToWrite, SignalWriter } from '@vir/signals';

export interface MatchOutcome {
  matchId: string | null;
  /** Signals created for this registration's joining (and its archive signal). */
  signals: number;
}

interface MatchRequest {
  registrationId: string;
  correlationId: string | null;
}

interface RegistrationRow {
  id: string;
  youth_key: Buffer | null;
  status: string;
}

interface YouthState {
  youth_key: Buffer;
  active: (ActiveRegistration & { checked: boolean })[];
  match_id: string | null;
  participants: string[];
  archived: string[];
}

interface OrganisationRow {
  organisation_id: string;
  municipality_code: string;
  coordinators: Person[] | null;
  officers: Person[] | null;
  reminder_days: number | null;
  escalation_days: number | null;
}

interface Copies {
  coordinatorsByOrganisation: Map<string, Person[]>;
  municipalityByOrganisation: Map<string, string>;
  officersByMunicipality: Map<string, Person[]>;
  followUpByMunicipality: Map<string, FollowUpSettings>;
}

/** What matching decided for one youth of a batch. */
interface YouthPlan {
  key: string;
  state: YouthState;
  plan: MatchPlan;
  matchId: string | null;
  correlationId: string | null;
}

const NOTHING: MatchOutcome = { matchId: null, signals: 0 };

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

/** The signals of every youth of a batch; each carries the correlation id of the request that triggered it. */
function signalDrafts(plans: YouthPlan[], correlationOf: Map<string, string | null>): SignalToWrite[] {
  return plans.flatMap((p) => {
    const unchecked = p.state.active.filter((r) => !r.checked);
    const drafts = [
      ...p.plan.signals.map((s) => ({ ...s, matchId: p.matchId })),
      ...archiveSignals(p.state.archived, unchecked),
    ];
    return drafts.map((d) => ({ ...d, correlationId: correlationOf.get(d.triggerRegistrationId) ?? p.correlationId }));
  });
}

/**
 * Detects matches under per-youth PostgreSQL locks and writes them with their signals and outbox
 * events in one transaction. Unique constraints make a repeated run harmless, so a retried,
 * duplicated or re-published job never produces a second match or signal.
 *
 * The match jobs running at the same time in this process are handled together (see Batcher): one
 * transaction and a fixed number of statements serve every registration of a batch, so the cost per
 * registration falls as the load rises. A registration that no longer exists fails alone; any other
 * error fails the batch, whose jobs are then retried one by one by BullMQ.
 */
@Injectable()
export class MatchingService {
  private readonly batcher: Batcher<MatchRequest, MatchOutcome>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly signals: SignalWriter,
    private readonly followUp: FollowUpService,
    private readonly relay: OutboxRelay,
    config: AppConfig,
  ) {
    this.batcher = new Batcher((requests) => this.matchBatch(requests), {
      parallel: config.MATCH_BATCHES,
      maxSize: config.MATCH_CONCURRENCY,
    });
  }

  onRegistrationCreated(registrationId: string, correlationId?: string | null): Promise<MatchOutcome> {
    return this.batcher.submit({ registrationId, correlationId: correlationId ?? null });
  }

  private async matchBatch(requests: MatchRequest[]): Promise<BatchOutcome<MatchOutcome>[]> {
    const ids = [...new Set(requests.map((r) => r.registrationId))];
    const alone = await this.checkAlone(ids);
    const rest = ids.filter((id) => !alone.has(id));
    const outcomes =
      rest.length > 0 ? await this.matchLocked(rest, requests) : new Map<string, BatchOutcome<MatchOutcome>>();
    // The signals' delivery events are committed: hand them to the relay now, not at its next poll.
    if ([...outcomes.values()].some((o) => o.ok && o.value.signals > 0)) this.relay.nudge();
    return requests.map((r) => outcomes.get(r.registrationId) ?? { ok: true, value: NOTHING });
  }

  /**
   * Most registrations are the only one of their youth: those with no other active registration,
   * open match or archive entry are marked checked in one statement, without a transaction or lock.
   */
  private async checkAlone(ids: string[]): Promise<Set<string>> {
    const alone = await rows<{ id: string }>(this.dataSource, checkAlone(ids));
    return new Set(alone.map((row) => row.id));
  }

  private matchLocked(ids: string[], requests: MatchRequest[]): Promise<Map<string, BatchOutcome<MatchOutcome>>> {
    return this.dataSource.transaction(async (manager) => {
      const outcomes = new Map<string, BatchOutcome<MatchOutcome>>();
      // The youths' locks are taken in the statement that finds the registrations; everything else is
      // read by the next statement, whose snapshot is taken after the locks were granted.
      const found = await rows<RegistrationRow>(manager, lockYouths(ids));
      const foundIds = new Set(found.map((r) => r.id));
      for (const id of ids) {
        if (!foundIds.has(id))
          outcomes.set(id, { ok: false, error: new UnrecoverableError(`registration ${id} does not exist`) });
      }
      const keys = new Map<string, Buffer>();
      const youthOf = new Map<string, string>();
      for (const r of found) {
        if (r.status !== 'active' || !r.youth_key) continue;
        const key = r.youth_key.toString('hex');
        keys.set(key, r.youth_key);
        youthOf.set(r.id, key);
      }
      if (keys.size === 0) return outcomes;

      const states = await rows<YouthState>(manager, youthStates([...keys.values()]));
      const matching = states.filter((s) => s.active.length >= 2 || s.match_id !== null);
      const copies = await this.copyRecipients(
        manager,
        matching.flatMap((s) => s.active.map((r) => r.organisationId)),
      );
      // A youth's events carry the correlation id of the first request of the batch about it.
      const correlationOf = new Map(requests.map((r) => [r.registrationId, r.correlationId]));
      const correlationOfYouth = new Map<string, string | null>();
      for (const [id, key] of youthOf)
        if (!correlationOfYouth.has(key)) correlationOfYouth.set(key, correlationOf.get(id) ?? null);

      const plans: YouthPlan[] = states.map((state) => {
        const key = state.youth_key.toString('hex');
        const plan = planMatch({
          active: state.active,
          participants: new Set(state.participants),
          matchExists: state.match_id !== null,
          ...copies,
        });
        return { key, state, plan, matchId: state.match_id, correlationId: correlationOfYouth.get(key) ?? null };
      });
      await this.createMatches(
        manager,
        plans.filter((p) => p.plan.createMatch),
        copies,
      );
      await this.joinMatches(manager, plans);
      // A registration joins in the batch that ran first, which need not hold its own job: its signals
      // still carry the correlation id of the request that made it.
      const drafts = signalDrafts(plans, correlationOf);
      const elsewhere = [
        ...new Set(
          drafts.map((d) => d.triggerRegistrationId).filter((id): id is string => !!id && !correlationOf.get(id)),
        ),
      ];
      if (elsewhere.length > 0) {
        const found = await this.audit.correlationsOf(manager, 'registration.created', elsewhere);
        for (const d of drafts)
          if (d.triggerRegistrationId && found.has(d.triggerRegistrationId))
            d.correlationId = found.get(d.triggerRegistrationId);
      }
      const written = await this.signals.write(manager, drafts, {});

      const created: AuditEventInput[] = plans
        .filter((p) => p.plan.createMatch)
        .map((p) => ({
          action: 'match.created',
          objectType: 'match',
          objectId: p.matchId,
          actor: { correlationId: p.correlationId ?? undefined },
          municipalityCode: copies.municipalityByOrganisation.get(p.plan.join[0].organisationId) ?? null,
          details: { participants: p.plan.join.length },
        }));
      const unchecked = plans.flatMap((p) => p.state.active.filter((r) => !r.checked).map((r) => r.id));
      await rows(
        manager,
        sql`WITH checked AS (${markMatchChecked(unchecked)}), audited AS (${this.audit.manyCte(created)}) SELECT 1`,
      );

      const signalsOf = new Map<string, number>();
      for (const signal of written) {
        if (signal.triggerRegistrationId)
          signalsOf.set(signal.triggerRegistrationId, (signalsOf.get(signal.triggerRegistrationId) ?? 0) + 1);
      }
      const matchOf = new Map(plans.map((p) => [p.key, p.matchId]));
      for (const id of foundIds) {
        const key = youthOf.get(id);
        outcomes.set(id, {
          ok: true,
          value: key ? { matchId: matchOf.get(key) ?? null, signals: signalsOf.get(id) ?? 0 } : NOTHING,
        });
      }
      return outcomes;
    });
  }

  /** New matches, one per youth whose plan founds one; follow-up deadlines come from the founding organisation's municipality. */
  private async createMatches(manager: EntityManager, founding: YouthPlan[], copies: Copies): Promise<void> {
    if (founding.length === 0) return;
    const matches = founding.map((p): NewMatch => {
      const municipality = copies.municipalityByOrganisation.get(p.plan.join[0].organisationId) ?? null;
      const settings = (municipality && copies.followUpByMunicipality.get(municipality)) || {
        reminderDays: null,
        escalationDays: null,
      };
      const due = this.followUp.deadlines(settings);
      return {
        youth_key: p.key,
        municipality_code: municipality,
        reminder_due_on: due.reminderDueOn,
        escalation_due_on: due.escalationDueOn,
      };
    });
    const created = await rows<{ id: string; youth_key: string }>(manager, createMatches(matches));
    const idOf = new Map(created.map((m) => [m.youth_key, m.id]));
    for (const p of founding) p.matchId = idOf.get(p.key) ?? null;
  }

  private async joinMatches(manager: EntityManager, plans: YouthPlan[]): Promise<void> {
    const joining = plans.flatMap((p): Joining[] =>
      p.matchId
        ? p.plan.join.map((r, i) => ({
            match_id: p.matchId,
            id: r.id,
            professional_id: r.professionalId,
            organisation_id: r.organisationId,
            n: i + 1,
          }))
        : [],
    );
    if (joining.length > 0) await rows(manager, joinMatches(joining));
  }

  /** Coordinators of the organisations involved, follow-up officers of their municipalities, and those municipalities' terms. */
  private async copyRecipients(manager: EntityManager, organisationIds: string[]): Promise<Copies> {
    const found =
      organisationIds.length === 0
        ? []
        : await rows<OrganisationRow>(manager, copyRecipients([...new Set(organisationIds)]));
    return {
      coordinatorsByOrganisation: new Map(found.map((r) => [r.organisation_id, r.coordinators ?? []])),
      municipalityByOrganisation: new Map(found.map((r) => [r.organisation_id, r.municipality_code])),
      officersByMunicipality: new Map(found.map((r) => [r.municipality_code, r.officers ?? []])),
      followUpByMunicipality: new Map(
        found.map((r) => [r.municipality_code, { reminderDays: r.reminder_days, escalationDays: r.escalation_days }]),
      ),
    };
  }
}
