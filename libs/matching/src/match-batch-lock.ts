import { rows } from '@vir/database';
import { copyRecipients } from '@vir/organisations';
import type { EntityManager } from 'typeorm';
import type { Person } from './match-planner';
import type { Copies, GroupState, YouthState } from './match-batch-plan';
import { groupStates, lockYouths, youthStates } from './match-statements';

interface OrganisationRow {
  organisation_id: string;
  municipality_code: string;
  coordinators: Person[] | null;
  officers: Person[] | null;
  reminder_days: number | null;
  escalation_days: number | null;
  closing_days: string[];
}

/** The registrations of a batch as found under their youths' locks. */
export interface LockedBatch {
  /** Ids that exist. */
  found: Set<string>;
  /** Youth key (hex) → key, for the active, keyed registrations. */
  keys: Map<string, Buffer>;
  /** Registration id → youth key (hex). */
  youthOf: Map<string, string>;
  /** The keys of the parents of their youths (family matches), locked too. */
  parents: Buffer[];
  /** The keys of their youths' addresses where the address match is on (address matches), locked too. */
  addresses: Buffer[];
}

/**
 * Takes the advisory lock of each youth of the registrations (in key order, in the statement that
 * finds them); everything read afterwards sees a snapshot taken after the locks were granted.
 */
export async function lockBatch(manager: EntityManager, ids: string[]): Promise<LockedBatch> {
  const locked = await rows<{
    id: string | null;
    youth_key: Buffer | null;
    status: string;
    group_key: Buffer | null;
    group_kind: 'family' | 'address' | null;
  }>(manager, lockYouths(ids));
  const groups = (kind: 'family' | 'address') =>
    locked.flatMap((r) => (r.group_key && r.group_kind === kind ? [r.group_key] : []));
  const found = locked.filter((r): r is typeof r & { id: string } => r.id !== null);
  const keys = new Map<string, Buffer>();
  const youthOf = new Map<string, string>();
  for (const r of found) {
    if (r.status !== 'active' || !r.youth_key) continue;
    const key = r.youth_key.toString('hex');
    keys.set(key, r.youth_key);
    youthOf.set(r.id, key);
  }
  return {
    found: new Set(found.map((r) => r.id)),
    keys,
    youthOf,
    parents: groups('family'),
    addresses: groups('address'),
  };
}

/**
 * Each locked parent's (or address's) registrations in matching and open match of that kind (locked)
 * with its participants; only those where a match is open or registrations of two youths take part.
 */
export async function readGroupStates(
  manager: EntityManager,
  kind: 'family' | 'address',
  keys: Buffer[],
): Promise<GroupState[]> {
  if (keys.length === 0) return [];
  const states = await rows<GroupState>(manager, groupStates(kind, keys));
  return states.filter((g) => g.match_id !== null || new Set(g.active.map((r) => r.youth)).size >= 2);
}

/** Each locked youth's active registrations, open match (locked) with its participants, and archive. */
export function readYouthStates(manager: EntityManager, keys: Buffer[]): Promise<YouthState[]> {
  return rows<YouthState>(manager, youthStates(keys));
}

/** Coordinators of the organisations involved, follow-up officers of their municipalities, and those municipalities' terms. */
export async function readCopies(manager: EntityManager, organisationIds: string[]): Promise<Copies> {
  const found =
    organisationIds.length === 0
      ? []
      : await rows<OrganisationRow>(manager, copyRecipients([...new Set(organisationIds)]));
  return {
    coordinatorsByOrganisation: new Map(found.map((r) => [r.organisation_id, r.coordinators ?? []])),
    municipalityByOrganisation: new Map(found.map((r) => [r.organisation_id, r.municipality_code])),
    officersByMunicipality: new Map(found.map((r) => [r.municipality_code, r.officers ?? []])),
    followUpByMunicipality: new Map(
      found.map((r) => [
        r.municipality_code,
        { reminderDays: r.reminder_days, escalationDays: r.escalation_days, closingDays: r.closing_days },
      ]),
    ),
  };
}
