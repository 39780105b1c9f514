import { rows, sql, type Sql } from '@vir/database';
import type { DataSource } from 'typeorm';

/**
 * Who may register a youth (Jw 7.1.1.2): an active professional with role `professional` of a
 * connected organisation that has an active contact person (coordinator). As a fragment, so the
 * registration statement checks it in the same round trip; yields (id, organisation_id) or nothing.
 */
export function eligibleRegistrant(professionalId: string, organisationId: string): Sql {
  return sql`SELECT p.id, p.organisation_id
               FROM professionals p
               JOIN organisations o ON o.id = p.organisation_id AND o.status = 'connected'
              WHERE p.id = ${professionalId} AND p.organisation_id = ${organisationId} AND p.active
                AND p.role = 'professional'
                AND EXISTS (SELECT 1 FROM professionals c WHERE c.organisation_id = o.id AND c.role = 'coordinator' AND c.active)`;
}

/** Why a professional may not register, or `eligible`. */
export type RegistrantStanding = 'eligible' | 'unknown' | 'not-designated' | 'inactive' | 'no-coordinator';

export async function registrantStanding(
  dataSource: DataSource,
  professionalId: string,
  organisationId: string,
): Promise<RegistrantStanding> {
  const [row] = await rows<{ active: boolean; role: string; has_coordinator: boolean; connected: boolean }>(
    dataSource,
    sql`SELECT p.active, p.role, o.status = 'connected' AS connected,
               EXISTS (SELECT 1 FROM professionals c
                        WHERE c.organisation_id = p.organisation_id AND c.role = 'coordinator' AND c.active) AS has_coordinator
          FROM professionals p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.id = ${professionalId} AND p.organisation_id = ${organisationId}`,
  );
  if (!row) return 'unknown';
  if (row.role !== 'professional') return 'not-designated';
  if (!row.active) return 'inactive';
  if (!row.has_coordinator) return 'no-coordinator';
  // A disconnected organisation's professionals are unknown to it, as before.
  return row.connected ? 'eligible' : 'unknown';
}

/** Whether the organisation `organisationId` lets its professionals use the BSN (Jw 7.1.4.2(3)), as a condition. */
export function usesBsn(organisationId: string): Sql {
  return sql`EXISTS (SELECT 1 FROM organisations o WHERE o.id = ${organisationId} AND o.uses_bsn)`;
}
