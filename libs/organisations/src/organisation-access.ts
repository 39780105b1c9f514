import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@vir/auth';
import { isUuid } from '@vir/common';
import { Repository } from 'typeorm';
import { OrganisationEntity } from './entities/organisation.entity';
import { ForbiddenForOrganisationError, organisationDisconnected, organisationNotFound } from './organisation-errors';

/**
 * Which organisations a credential may see. An administrator sees the organisations whose agreement
 * is with their own college; any other credential only its own organisation. Everything else
 * answers exactly as an id that does not exist, so nothing can be probed.
 */
@Injectable()
export class OrganisationAccess {
  constructor(@InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>) {}

  canAdminister(principal: Principal, organisation: Pick<OrganisationEntity, 'municipalityCode'>): boolean {
    return principal.scopes.includes('admin') && organisation.municipalityCode === principal.municipalityCode;
  }

  async loadForAdmin(principal: Principal, id: string): Promise<OrganisationEntity> {
    const organisation = isUuid(id) ? await this.organisations.findOneBy({ id }) : null;
    if (!organisation || !this.canAdminister(principal, organisation)) throw organisationNotFound();
    return organisation;
  }

  /** Own organisation (any scope), or one the caller administers. */
  async loadVisible(principal: Principal, id: string): Promise<OrganisationEntity> {
    const organisation = isUuid(id) ? await this.organisations.findOneBy({ id }) : null;
    if (
      !organisation ||
      (organisation.id !== principal.organisationId && !this.canAdminister(principal, organisation))
    ) {
      throw organisationNotFound();
    }
    return organisation;
  }

  /**
   * For keeping an organisation's people current (contact details, stand-ins): the administrator of
   * its college, or its own coordinator (scope `contact-details`, Jw 7.1.3.3). The organisation is connected.
   */
  async loadForPeopleCare(principal: Principal, id: string, what: string): Promise<OrganisationEntity> {
    const organisation = await this.loadVisible(principal, id);
    const ownCoordinator = organisation.id === principal.organisationId && principal.scopes.includes('contact-details');
    if (!this.canAdminister(principal, organisation) && !ownCoordinator) {
      throw new ForbiddenForOrganisationError(
        `Only the administrator or the organisation's coordinator (scope contact-details) may change ${what}.`,
      );
    }
    if (organisation.status !== 'connected') throw organisationDisconnected();
    return organisation;
  }
}
