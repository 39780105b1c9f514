import { Injectable } from '@nestjs/common';
import { AuditEventInput, AuditLog } from '@vir/audit';
import { rows, sql } from '@vir/database';
import { markMatchChecked } from '@vir/registrations';
import { SignalWriter, WrittenSignal } from '@vir/signals';
import type { EntityManager } from 'typeorm';
import { DEFAULT_FOLLOW_UP, FollowUpService } from './follow-up.service';
import { Copies, signalDrafts, YouthPlan } from './match-batch-plan';
import { createMatches, joinMatches, Joining, NewMatch } from './match-statements';

/**
 * Writes a batch's plans in the caller's transaction: new matches (with their follow-up deadlines),
 * the joining participants, the signals (with their deliveries and outbox events), the registrations
 * marked checked and the matches' audit events — a fixed number of statements for the whole batch.
 */
@Injectable()
export class MatchWriter {
  constructor(
    private readonly audit: AuditLog,
    private readonly signals: SignalWriter,
    private readonly followUp: FollowUpService,
  ) {}

  async write(
    manager: EntityManager,
    plans: YouthPlan[],
    copies: Copies,
    correlationOf: Map<string, string | null>,
  ): Promise<WrittenSignal[]> {
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
        details: { participants: p.plan.join.length, kind: p.kind },
      }));
    const unchecked = plans.flatMap((p) => p.state.active.filter((r) => !r.checked).map((r) => r.id));
    await rows(
      manager,
      sql`WITH checked AS (${markMatchChecked(unchecked)}), audited AS (${this.audit.manyCte(created)}) SELECT 1`,
    );
    return written;
  }

  /** New matches, one per youth whose plan founds one; follow-up deadlines come from the founding organisation's municipality. */
  private async createMatches(manager: EntityManager, founding: YouthPlan[], copies: Copies): Promise<void> {
    if (founding.length === 0) return;
    const matches = founding.map((p): NewMatch => {
      const municipality = copies.municipalityByOrganisation.get(p.plan.join[0].organisationId) ?? null;
      const settings = (municipality && copies.followUpByMunicipality.get(municipality)) || DEFAULT_FOLLOW_UP;
      const due = this.followUp.deadlines(settings);
      return {
        youth_key: p.key,
        kind: p.kind,
        municipality_code: municipality,
        reminder_due_on: due.reminderDueOn,
        escalation_due_on: due.escalationDueOn,
      };
    });
    const created = await rows<{ id: string; youth_key: string; kind: string }>(manager, createMatches(matches));
    const idOf = new Map(created.map((m) => [`${m.kind}:${m.youth_key}`, m.id]));
    for (const p of founding) p.matchId = idOf.get(`${p.kind}:${p.key}`) ?? null;
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
}
