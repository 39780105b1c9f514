import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Facts about the region's colleges that other parts of the service need without the administration module. */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Colleges with connected organisations but no active follow-up officer: their matches get no
   * gemeente copy (Jw 7.1.3.2) until one is designated, which then receives the missed copies.
   */
  async collegesWithoutFollowUpOfficer(): Promise<string[]> {
    const rows: { municipality_code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT o.municipality_code FROM organisations o
        WHERE o.status = 'connected'
          AND NOT EXISTS (SELECT 1 FROM professionals f JOIN organisations g ON g.id = f.organisation_id
                           WHERE g.municipality_code = o.municipality_code AND g.kind = 'municipality' AND g.status = 'connected'
                             AND f.role = 'follow_up_officer' AND f.active)
        ORDER BY 1`,
    );
    return rows.map((r) => r.municipality_code);
  }
}
