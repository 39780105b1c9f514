import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { Actor, systemActor } from '@vir/common';
import { DataSource } from 'typeorm';
import { CredentialService } from './credential.service';
import { CredentialEntity } from './entities/credential.entity';
import { OrganisationEntity } from './entities/organisation.entity';

/** What an operator does from the command line, without the API. */
@Injectable()
export class OperatorCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: CredentialService,
    private readonly config: AppConfig,
  ) {}

  async listOrganisations(): Promise<(OrganisationEntity & { activeCredentials: number })[]> {
    const organisations = await this.dataSource
      .getRepository(OrganisationEntity)
      .find({ order: { municipalityCode: 'ASC', name: 'ASC' } });
    const counts: { organisation_id: string; n: string }[] = await this.dataSource.query(
      `SELECT organisation_id, count(*) AS n FROM credentials WHERE revoked_at IS NULL GROUP BY organisation_id`,
    );
    const byOrganisation = new Map(counts.map((row) => [row.organisation_id, Number(row.n)]));
    return organisations.map((o) => Object.assign(o, { activeCredentials: byOrganisation.get(o.id) ?? 0 }));
  }

  /** Issues a new administrator credential for the operating college (VIR_MUNICIPALITY_CODE / _NAME). */
  async createAdministrator(label: string, actor: Actor = systemActor()): Promise<{ id: string; secret: string }> {
    return this.dataSource.transaction(async (manager) => {
      const gemeente = await manager
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .where("o.municipality_code = :code AND o.kind = 'municipality' AND o.status = 'connected'", {
          code: this.config.VIR_MUNICIPALITY_CODE,
        })
        .orderBy('o.created_at')
        .getOne();
      const organisation =
        gemeente ??
        (await manager.getRepository(OrganisationEntity).save(
          manager.getRepository(OrganisationEntity).create({
            name: this.config.VIR_MUNICIPALITY_NAME,
            kind: 'municipality',
            municipalityCode: this.config.VIR_MUNICIPALITY_CODE,
            agreementReference: 'college van B&W (eigen organisatie)',
          }),
        ));
      const issued = await this.credentials.issue(manager, organisation, ['admin'], actor, { label });
      if (!issued) throw new Error('a freshly generated credential secret collided');
      return { id: issued.credential.id, secret: issued.secret };
    });
  }

  /** Returns false when no such credential exists. */
  async revokeCredential(id: string, actor: Actor = systemActor()): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const credential = await manager.getRepository(CredentialEntity).findOneBy({ id });
      if (!credential) return false;
      await this.credentials.revoke(manager, credential, actor);
      return true;
    });
  }
}
