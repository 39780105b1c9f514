import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OrganisationsBootstrap } from '@vir/organisations';

/** Work that must be true once the API answers: the bootstrap administrator exists. */
@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  constructor(private readonly organisations: OrganisationsBootstrap) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.organisations.ensureBootstrapAdministrator();
  }
}
