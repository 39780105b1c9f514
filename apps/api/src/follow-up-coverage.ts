import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@vir/organisations';

const CACHE_MS = 10_000;

/** How many colleges have connected organisations but no active follow-up officer (cached briefly: readiness is probed often). */
@Injectable()
export class FollowUpCoverage {
  private cached?: { at: number; value: number };

  constructor(private readonly directory: OrganisationDirectory) {}

  async collegesWithoutOfficer(): Promise<number> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const value = (await this.directory.collegesWithoutFollowUpOfficer()).length;
    this.cached = { at: Date.now(), value };
    return value;
  }
}
