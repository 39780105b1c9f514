import { rows, sql } from '@vir/database';
import type { DataSource } from 'typeorm';

/** How many active registrations and archive entries are stored under each pseudonym key version (for a rotation). */
export function youthKeyVersions(
  dataSource: DataSource,
): Promise<{ source: string; key_version: number; n: number }[]> {
  return rows(
    dataSource,
    sql`SELECT 'active registrations' AS source, key_version, count(*)::int AS n FROM registrations WHERE status = 'active'
         GROUP BY key_version
        UNION ALL SELECT 'archive entries', key_version, count(*)::int FROM archive_entries GROUP BY key_version ORDER BY 1, 2`,
  );
}
