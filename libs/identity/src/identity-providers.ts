import { Injectable } from '@nestjs/common';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { execute, rows, Sql, sql } from '@vir/database';
import { organisationFacts } from '@vir/organisations';
import { DataSource, EntityManager } from 'typeorm';
import { Sealer } from '@vir/pseudonymisation';

export interface IdentityProviderSettings {
  organisationId: string;
  organisationName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The organisations' own OpenID Connect providers, with their client secrets sealed at rest. */
@Injectable()
export class IdentityProviders {
  private readonly sealer: Sealer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.sealer = new Sealer(config.VIR_PSEUDONYM_KEY, 'identity-provider-client-secret');
  }

  async set(
    manager: EntityManager,
    organisationId: string,
    issuer: string,
    clientId: string,
    clientSecret: string,
  ): Promise<void> {
    const now = this.clock.now();
    await execute(
      manager,
      sql`INSERT INTO identity_providers (organisation_id, issuer, client_id, client_secret, created_at, updated_at)
          VALUES (${organisationId}, ${issuer}, ${clientId}, ${this.sealer.seal(clientSecret)}, ${now}, ${now})
          ON CONFLICT (organisation_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
            client_secret = EXCLUDED.client_secret, updated_at = EXCLUDED.updated_at`,
    );
  }

  async remove(manager: EntityManager, organisationId: string): Promise<boolean> {
    return (await execute(manager, sql`DELETE FROM identity_providers WHERE organisation_id = ${organisationId}`)) > 0;
  }

  /** The provider of a connected organisation, or undefined. */
  async of(organisationId: string): Promise<IdentityProviderSettings | undefined> {
    const [row] = await this.select(sql`AND p.organisation_id = ${organisationId}`);
    return row;
  }

  /** Every connected organisation whose people log in through their own provider, by name (no secret is read). */
  async organisations(): Promise<{ organisationId: string; name: string }[]> {
    const found = await rows<{ organisation_id: string; name: string }>(
      this.dataSource,
      sql`SELECT p.organisation_id, o.name FROM identity_providers p JOIN ${organisationFacts()} o ON o.id = p.organisation_id
           WHERE o.status = 'connected' ORDER BY o.name`,
    );
    return found.map((row) => ({ organisationId: row.organisation_id, name: row.name }));
  }

  private async select(filter: Sql): Promise<IdentityProviderSettings[]> {
    const found = await rows<{
      organisation_id: string;
      name: string;
      issuer: string;
      client_id: string;
      client_secret: Buffer;
    }>(
      this.dataSource,
      sql`SELECT p.organisation_id, o.name, p.issuer, p.client_id, p.client_secret
            FROM identity_providers p JOIN ${organisationFacts()} o ON o.id = p.organisation_id
           WHERE o.status = 'connected' ${filter} ORDER BY o.name`,
    );
    return found.map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.name,
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: this.sealer.unseal(row.client_secret),
    }));
  }
}
