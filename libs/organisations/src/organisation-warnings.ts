import { Injectable } from '@nestjs/common';
import type { OrganisationEntity } from './entities/organisation.entity';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationView, OrganisationWarning } from './views';

/** Organisation views with what the administrator should act on. */
@Injectable()
export class OrganisationWarnings {
  constructor(private readonly directory: OrganisationDirectory) {}

  async views(organisations: OrganisationEntity[]): Promise<OrganisationView[]> {
    const municipalities = organisations.filter((o) => o.kind === 'municipality' && o.status === 'connected');
    const without =
      municipalities.length > 0 ? new Set(await this.directory.collegesWithoutFollowUpOfficer()) : new Set<string>();
    return organisations.map((o) => {
      const warnings: OrganisationWarning[] =
        o.kind === 'municipality' && o.status === 'connected' && without.has(o.municipalityCode)
          ? ['NO_FOLLOW_UP_OFFICER']
          : [];
      return OrganisationView.of(o, warnings);
    });
  }

  async view(organisation: OrganisationEntity): Promise<OrganisationView> {
    const [view] = await this.views([organisation]);
    return view;
  }
}
