import { rows } from '@vir/database';
import { copyRecipients } from '@vir/organisations';
import type { EntityManager } from 'typeorm';
import type { Person } from './match-planner';
import type { Copies, FamilyState, YouthState } from './match-batch-plan';
import { familyStates, lockYouths, youthStates } from './match-statements';

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
}

/**
 * Takes the advisory lock of each youth of the registrations (in key order, in the statement that
 * finds them); everything read afterwards sees a snapshot taken after the locks were granted.
 */
export async function lockBatch(manager: EntityManager, ids: string[]): Promise<LockedBatch> {
  const locked = await rows<{ id: string | null; youth_key: Buffer | null; status: string; parent_key: Buffer | null }>(
    manager,
    lockYouths(ids),
  );
  const parents = locked.flatMap((r) => (r.parent_key ? [r.parent_key] : []));
  const found = locked.filter((r): r is typeof r & { id: string } => r.id !== null);
  const keys = new Map<string, Buffer>();
  const youthOf = new Map<string, string>();
  for (const r of found) {
    if (r.status !== 'active' || !r.youth_key) continue;
    const key = r.youth_key.toString('hex');
    keys.set(key, r.youth_key);
    youthOf.set(r.id, key);
  }
  return { found: new Set(found.map((r) => r.id)), keys, youthOf, parents };
}

/** Each locked parent's registrations in matching and open family match (locked) with its participants. */
export function readFamilyStates(manager: EntityManager, parents: Buffer[]): Promise<FamilyState[]> {
  if (parents.length === 0) return Promise.resolve([]);
  return rows<FamilyState>(manager, familyStates(parents));
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
