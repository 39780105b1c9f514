import { Injectable } from '@nestjs/common';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { followUpOfficers } from './organisation-fragments';

/** Facts about the region's colleges that other parts of the service need without the administration module. */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Colleges with connected organisations but no active follow-up officer: their matches get no
   * gemeente copy (Jw 7.1.3.2) until one is designated, which then receives the missed copies.
   */
  async collegesWithoutFollowUpOfficer(): Promise<string[]> {
    const colleges = await rows<{ municipality_code: string }>(
      this.dataSource,
      sql`SELECT DISTINCT o.municipality_code FROM organisations o
           WHERE o.status = 'connected'
             AND NOT EXISTS (SELECT 1 FROM ${followUpOfficers()} f WHERE f.municipality_code = o.municipality_code)
           ORDER BY 1`,
    );
    return colleges.map((r) => r.municipality_code);
  }
}
