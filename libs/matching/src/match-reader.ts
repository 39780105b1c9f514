import { Injectable } from '@nestjs/common';
import { ownProfessional } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { Clock, todayInAmsterdam } from '@vir/common';
import { rows, sql, type Sql } from '@vir/database';
import { ContactDirectory, standInsToday } from '@vir/organisations';
import { registrationActive } from '@vir/registrations';
import { followUpCopyReceived } from '@vir/signals';
import { DataSource, EntityManager } from 'typeorm';
import { MatchView } from './match-view';

export interface MatchRow {
  id: string;
  kind: 'same_youth' | 'family' | 'address';
  status: string;
  created_at: Date;
  closed_at: Date | null;
  lead_professional_id: string | null;
  reminder_due_on: string | null;
  escalation_due_on: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  in_contact_at: Date | null;
  escalation_resolved_at: Date | null;
  escalation_next_check_on: string | null;
}

const collator = new Intl.Collator('nl');
export const byName = (a = '', b = '') => collator.compare(a, b);

export const MATCH_COLUMNS =
  sql.raw(`m.id, m.kind, m.status, m.created_at, m.closed_at, m.lead_professional_id, m.reminder_due_on::text,
  m.escalation_due_on::text, m.reminded_at, m.escalated_at, m.in_contact_at, m.escalation_resolved_at,
  m.escalation_next_check_on::text`);

/**
 * Who may see a match: an organisation with a participant in it (scope `signals`: a match shows
 * other professionals' contact details, as a signal does), or a follow-up officer's organisation
 * that received a signal about it (scope `follow-up`). `registrations` alone sees no match. A
 * professional logged in as a person sees only the matches they take part in, or stand in for today.
 */
export function visibilityCondition(principal: Principal, alias = 'm'): Sql {
  const match = sql.raw(`${alias}.id`);
  const parts: Sql[] = [];
  const own = ownProfessional(principal);
  if (principal.scopes.includes('signals')) {
    const whose = own
      ? sql` AND (vp.professional_id = ${own} OR vp.professional_id IN (SELECT si.professional_id FROM ${standInsToday()} si WHERE si.stand_in_id = ${own}))`
      : sql``;
    parts.push(
      sql`EXISTS (SELECT 1 FROM match_participants vp WHERE vp.match_id = ${match} AND vp.organisation_id = ${principal.organisationId} AND vp.left_at IS NULL${whose})`,
    );
  }
  if (principal.scopes.includes('follow-up')) parts.push(followUpCopyReceived(match, principal.organisationId));
  return parts.length ? sql`(${sql.join(parts, ' OR ')})` : sql`false`;
}

@Injectable()
export class MatchReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactDirectory,
    private readonly clock: Clock,
  ) {}

  async findVisible(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<MatchRow | undefined> {
    const [row] = await rows<MatchRow>(
      manager,
      sql`SELECT ${MATCH_COLUMNS} FROM matches m WHERE m.id = ${id} AND ${visibilityCondition(principal)}${lock ? sql` FOR UPDATE OF m` : sql``}`,
    );
    return row;
  }

  async render(matches: MatchRow[]): Promise<MatchView[]> {
    if (matches.length === 0) return [];
    const participants = await rows<{
      match_id: string;
      professional_id: string;
      contact_confirmed_at: Date | null;
      contact_confirmed_by_professional_id: string | null;
      contact_outcome: string | null;
    }>(
      this.dataSource,
      sql`SELECT mp.match_id, mp.professional_id, mp.contact_confirmed_at, mp.contact_confirmed_by_professional_id, mp.contact_outcome
            FROM match_participants mp
           WHERE mp.match_id = ANY(${matches.map((r) => r.id)}::uuid[]) AND mp.left_at IS NULL
             AND ${registrationActive(sql`mp.registration_id`)}`,
    );
    const actions = await rows<{
      id: string;
      match_id: string;
      recorded_at: Date;
      recorded_by_professional_id: string | null;
      contacted_professional_ids: string[];
      outcome: string;
      next_check_on: string | null;
    }>(
      this.dataSource,
      sql`SELECT a.id, a.match_id, a.recorded_at, a.recorded_by_professional_id, a.contacted_professional_ids,
                 a.outcome, a.next_check_on::text
            FROM match_escalation_actions a
           WHERE a.match_id = ANY(${matches.map((r) => r.id)}::uuid[]) ORDER BY a.recorded_at, a.id`,
    );
    const cards = await this.contacts.cards([
      ...participants.flatMap((p) => [p.professional_id, p.contact_confirmed_by_professional_id ?? []].flat()),
      ...matches.map((r) => r.lead_professional_id).filter((id): id is string => !!id),
      ...actions.flatMap((a) => [a.recorded_by_professional_id ?? [], a.contacted_professional_ids].flat()),
    ]);
    const colleague = (id: string) => ({ professionalId: id, name: cards.get(id)?.name ?? '' });
    const today = todayInAmsterdam(this.clock.now());
    const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
    return matches.map((row) => {
      const lead = row.lead_professional_id ? cards.get(row.lead_professional_id) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        createdAt: new Date(row.created_at).toISOString(),
        closedAt: iso(row.closed_at),
        followUp: {
          state: row.status,
          overdue:
            row.status === 'open' &&
            !row.escalation_resolved_at &&
            !!row.escalation_due_on &&
            row.escalation_due_on <= today,
          reminderDueOn: row.reminder_due_on,
          escalationDueOn: row.escalation_due_on,
          remindedAt: iso(row.reminded_at),
          escalatedAt: iso(row.escalated_at),
          inContactAt: iso(row.in_contact_at),
          escalationResolvedAt: iso(row.escalation_resolved_at),
          escalationNextCheckOn: row.escalation_next_check_on,
          escalationCheckDue:
            row.status === 'open' &&
            !row.escalation_resolved_at &&
            !!row.escalation_next_check_on &&
            row.escalation_next_check_on <= today,
        },
        escalationActions: actions
          .filter((a) => a.match_id === row.id)
          .map((a) => ({
            id: a.id,
            recordedAt: new Date(a.recorded_at).toISOString(),
            recordedBy: a.recorded_by_professional_id ? colleague(a.recorded_by_professional_id) : null,
            contacted: a.contacted_professional_ids.map(colleague),
            outcome: a.outcome,
            nextCheckOn: a.next_check_on,
          })),
        lead: lead ? { professionalId: lead.professionalId, name: lead.name, organisation: lead.organisation } : null,
        // By name, never in the order of joining: a signal tells who is involved, not when or in what order they registered (rule 13).
        participants: participants
          .filter((p) => p.match_id === row.id)
          .sort(
            (a, b) =>
              byName(cards.get(a.professional_id)?.name, cards.get(b.professional_id)?.name) ||
              a.professional_id.localeCompare(b.professional_id),
          )
          .map((p) => {
            const card = cards.get(p.professional_id);
            const confirmer = p.contact_confirmed_by_professional_id
              ? cards.get(p.contact_confirmed_by_professional_id)
              : undefined;
            return {
              professionalId: p.professional_id,
              name: card?.name ?? '',
              organisation: card?.organisation ?? '',
              email: card?.email ?? '',
              phone: card?.phone ?? '',
              contactConfirmedAt: iso(p.contact_confirmed_at),
              contactOutcome: p.contact_outcome,
              contactConfirmedBy: confirmer ? { professionalId: confirmer.professionalId, name: confirmer.name } : null,
              standIn: card?.standIn ?? null,
            };
          }),
      };
    });
  }
}
