import { sql, Sql } from '@vir/database';
import { organisationFacts, professionalFacts } from '@vir/organisations';

/** A person as the portal shows them: who, in which organisation and college, in which role. */
export interface PersonView {
  personId: string;
  name: string;
  email: string;
  role: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  municipalityCode: string;
  /** False when the person was deactivated or the organisation disconnected: no login, every session ends. */
  standing: boolean;
}

export interface PersonRow {
  person_id: string;
  name: string;
  email: string;
  role: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  municipality_code: string;
  standing: boolean;
}

/** The columns of a person (`p`) and their organisation (`o`), joined by `personJoin`. */
export const PERSON_COLUMNS = sql`p.id AS person_id, p.name, p.email, p.role, p.organisation_id, o.name AS organisation_name,
  o.kind AS organisation_kind, o.municipality_code, (p.active AND o.status = 'connected') AS standing`;

export function personJoin(personId: Sql): Sql {
  return sql`JOIN ${professionalFacts()} p ON p.id = ${personId} JOIN ${organisationFacts()} o ON o.id = p.organisation_id`;
}

export function personView(row: PersonRow): PersonView {
  return {
    personId: row.person_id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind,
    municipalityCode: row.municipality_code,
    standing: row.standing,
  };
}
