import { rows, sql } from '@vir/database';
import { organisationFacts, professionalFacts } from '@vir/organisations';
import type { DataSource } from 'typeorm';

export interface HeldRegistration {
  id: string;
  organisation: string;
  professional: string;
  created_at: Date;
  planned_removal_date: string;
  status: string;
}

export interface HeldArchiveEntry {
  organisation: string;
  professional: string;
  archived_at: Date;
  destroy_at: string;
}

/**
 * What the index holds of a youth (under any of `youthKeys`) at the organisations of one college,
 * for a subject access request: its registrations, also ended ones, and its archive entries, each
 * with the organisation and professional by name.
 */
export async function heldAboutYouth(
  dataSource: DataSource,
  youthKeys: Buffer[],
  municipalityCode: string,
): Promise<{ registrations: HeldRegistration[]; archiveEntries: HeldArchiveEntry[] }> {
  const registrations = await rows<HeldRegistration>(
    dataSource,
    sql`SELECT r.id, o.name AS organisation, p.name AS professional, r.created_at, r.planned_removal_date::text, r.status
          FROM registrations r JOIN ${organisationFacts()} o ON o.id = r.organisation_id
          JOIN ${professionalFacts()} p ON p.id = r.professional_id
         WHERE r.youth_key = ANY(${youthKeys}::bytea[]) AND o.municipality_code = ${municipalityCode} ORDER BY r.created_at`,
  );
  const archiveEntries = await rows<HeldArchiveEntry>(
    dataSource,
    sql`SELECT o.name AS organisation, p.name AS professional, a.archived_at, a.destroy_at::text
          FROM archive_entries a JOIN ${organisationFacts()} o ON o.id = a.organisation_id
          JOIN ${professionalFacts()} p ON p.id = a.professional_id
         WHERE a.youth_key = ANY(${youthKeys}::bytea[]) AND o.municipality_code = ${municipalityCode} ORDER BY a.archived_at`,
  );
  return { registrations, archiveEntries };
}
