import { Injectable } from '@nestjs/common';
import { ownProfessional } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { rows, sql, type Sql } from '@vir/database';
import { ContactDirectory } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { SignalView } from './signal-view';

export interface SignalRow {
  id: string;
  kind: string;
  match_id: string | null;
  match_kind: SignalView['matchKind'];
  moved_to: string | null;
  trigger_registration_id: string | null;
  recipient_professional_id: string;
  recipient_role: string;
  on_behalf_of_professional_id: string | null;
  named_professional_ids: string[];
  created_at: Date;
  acknowledged_at: Date | null;
}

const collator = new Intl.Collator('nl');

/** Which recipients' signals a credential may read: professionals and coordinators (`signals`), follow-up officers (`follow-up`). */
export function visibleRoles(principal: Principal): string[] {
  const roles: string[] = [];
  if (principal.scopes.includes('signals')) roles.push('participant', 'coordinator');
  if (principal.scopes.includes('follow-up')) roles.push('follow_up_officer');
  return roles;
}

/**
 * The signals a principal may see (alias `s`): addressed to its organisation in a role it reads;
 * a professional logged in as a person sees only the signals addressed to them (their stand-in
 * copies included, which are addressed to them too).
 */
export function signalsVisibleTo(principal: Principal): Sql {
  const own = ownProfessional(principal);
  return sql`s.recipient_organisation_id = ${principal.organisationId}
    AND s.recipient_role = ANY(${visibleRoles(principal)}::text[])${own ? sql` AND s.recipient_professional_id = ${own}` : sql``}`;
}

export const SIGNAL_COLUMNS = sql.raw(
  's.id, s.kind, s.match_id, s.match_kind, s.moved_to, s.trigger_registration_id, s.recipient_professional_id, s.recipient_role, s.on_behalf_of_professional_id, s.named_professional_ids, s.created_at, s.acknowledged_at',
);

/** Turns signal rows into what recipients see, with current contact details. */
@Injectable()
export class SignalReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactDirectory,
  ) {}

  /** One signal addressed to the principal's organisation, or undefined (also for other organisations' signals). */
  async findVisible(principal: Principal, id: string): Promise<SignalRow | undefined> {
    const [row] = await rows<SignalRow>(
      this.dataSource,
      sql`SELECT ${SIGNAL_COLUMNS} FROM signals s WHERE s.id = ${id} AND ${signalsVisibleTo(principal)}`,
    );
    return row;
  }

  async render(signals: SignalRow[]): Promise<SignalView[]> {
    const cards = await this.contacts.cards(
      signals.flatMap((r) => [
        ...r.named_professional_ids,
        ...(r.on_behalf_of_professional_id ? [r.on_behalf_of_professional_id] : []),
      ]),
    );
    const organisations = [...new Set([...cards.values()].map((c) => c.organisationId))];
    const coordinators = await this.contacts.coordinators(organisations);
    return signals.map((row) => {
      // By name, never in the order of joining (rule 13: who is involved, not when).
      const involved = row.named_professional_ids
        .map((id) => cards.get(id))
        .filter((card) => card !== undefined)
        .sort((a, b) => collator.compare(a.name, b.name) || a.professionalId.localeCompare(b.professionalId));
      const theirOrganisations = new Set(involved.map((card) => card.organisationId));
      const absent = row.on_behalf_of_professional_id ? cards.get(row.on_behalf_of_professional_id) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        matchId: row.match_id,
        // Signals made before match kinds existed are all about same-youth matches.
        matchKind: row.match_kind ?? (row.match_id ? 'same_youth' : null),
        concernsAnotherYouth: row.match_kind === 'family' || row.match_kind === 'address',
        // The recipient's own registration, which the BRP did not confirm; no other kind names a registration.
        ...(row.kind === 'unverified' && row.trigger_registration_id
          ? { registrationId: row.trigger_registration_id }
          : {}),
        ...(row.moved_to ? { movedTo: row.moved_to } : {}),
        status: row.acknowledged_at ? 'acknowledged' : 'unread',
        recipientProfessionalId: row.recipient_professional_id,
        recipientRole: row.recipient_role,
        onBehalfOf: absent ? { professionalId: absent.professionalId, name: absent.name } : null,
        createdAt: new Date(row.created_at).toISOString(),
        acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null,
        involved: involved.map(({ name, organisation, email, phone, role, standIn }) => ({
          name,
          organisation,
          email,
          phone,
          role,
          standIn: standIn && { name: standIn.name, email: standIn.email, phone: standIn.phone, until: standIn.until },
        })),
        coordinators: coordinators
          .filter((c) => theirOrganisations.has(c.organisationId))
          .map(({ name, organisation, email, phone }) => ({ name, organisation, email, phone })),
      };
    });
  }
}
