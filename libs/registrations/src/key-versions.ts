import { rows, sql } from '@vir/database';
import type { DataSource } from 'typeorm';

/**
 * How many active registrations, archive entries, parents' keys, sealed BSNs of followed youths and of
 * registrations awaiting verification are stored under each pseudonym key version (for a rotation).
 */
export function youthKeyVersions(
  dataSource: DataSource,
): Promise<{ source: string; key_version: number; n: number }[]> {
  return rows(
    dataSource,
    sql`SELECT 'active registrations' AS source, key_version, count(*)::int AS n FROM registrations WHERE status = 'active'
         GROUP BY key_version
        UNION ALL SELECT 'archive entries', key_version, count(*)::int FROM archive_entries GROUP BY key_version
        UNION ALL SELECT 'parents of registered youths', key_version, count(*)::int FROM registration_parents GROUP BY key_version
        UNION ALL SELECT 'addresses of registered youths', key_version, count(*)::int FROM registration_addresses GROUP BY key_version
        UNION ALL SELECT 'followed youths (sealed BSN)', seal_version, count(*)::int FROM followed_youths GROUP BY seal_version
        UNION ALL SELECT 'registrations awaiting verification (sealed BSN)', seal_version, count(*)::int
                    FROM registration_verifications GROUP BY seal_version
        ORDER BY 1, 2`,
  );
}
