import { Injectable, Logger } from '@nestjs/common';
import { hashCredentialSecret, MUNICIPALITY_ONLY_SCOPES, newCredentialSecret, Principal, PrincipalResolver, Scope } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Actor } from '@vir/common';
import { DataSource, EntityManager } from 'typeorm';
import { CredentialEntity } from './entities/credential.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { organisationDisconnected, scopeNotForKind } from './organisation-errors';

interface PrincipalRow {
  id: string;
  organisation_id: string;
  scopes: Scope[];
  kind: string;
  municipality_code: string;
  stale: boolean;
}

/** Issues, revokes and resolves credentials. Only SHA-256 hashes of secrets are ever stored. */
@Injectable()
export class CredentialService extends PrincipalResolver {
  private readonly logger = new Logger(CredentialService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  /**
   * One query per request: a revoked credential or a disconnected organisation stops working
   * at once. `last_used_at` is written at most once a minute per credential, off the request path.
   */
  async resolve(secret: string, correlationId: string): Promise<Principal | undefined> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT c.id, c.organisation_id, c.scopes, o.kind, o.municipality_code,
              (c.last_used_at IS NULL OR c.last_used_at < now() - interval '1 minute') AS stale
         FROM credentials c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.secret_hash = $1 AND c.revoked_at IS NULL AND o.status = 'connected'`,
      [hashCredentialSecret(secret)],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.stale) {
      this.dataSource
        .query(`UPDATE credentials SET last_used_at = now() WHERE id = $1`, [row.id])
        .catch((error: Error) => this.logger.warn({ err: { name: error.name } }, 'could not record credential use'));
    }
    return {
      credentialId: row.id,
      organisationId: row.organisation_id,
      organisationKind: row.kind,
      municipalityCode: row.municipality_code,
      scopes: row.scopes,
      correlationId,
    };
  }

  /** Returns the secret once; when `secret` is given (bootstrap, demo data) that exact secret is used. */
  async issue(
    manager: EntityManager,
    organisation: OrganisationEntity,
    scopes: Scope[],
    actor: Actor,
    options: { label?: string | null; secret?: string } = {},
  ): Promise<{ credential: CredentialEntity; secret: string } | undefined> {
    if (organisation.status !== 'connected') throw organisationDisconnected();
    const forbidden = scopes.filter((scope) => MUNICIPALITY_ONLY_SCOPES.includes(scope));
    if (organisation.kind !== 'municipality' && forbidden.length > 0) throw scopeNotForKind(forbidden);

    const secret = options.secret ?? newCredentialSecret();
    const inserted: CredentialEntity[] = await manager
      .createQueryBuilder()
      .insert()
      .into(CredentialEntity)
      .values({
        organisationId: organisation.id,
        secretHash: hashCredentialSecret(secret),
        scopes: [...new Set(scopes)],
        label: options.label ?? null,
        createdBy: actor.credentialId ?? null,
      })
      .orIgnore()
      .returning(['id', 'organisationId', 'scopes', 'label', 'createdAt', 'revokedAt', 'lastUsedAt'])
      .execute()
      .then((result) => result.generatedMaps as CredentialEntity[]);
    const credential = inserted[0];
    if (!credential?.id) return undefined; // that exact secret exists already
    const full = await manager.getRepository(CredentialEntity).findOneByOrFail({ id: credential.id });
    await this.audit.record(manager, {
      action: 'credential.issued',
      objectType: 'credential',
      objectId: full.id,
      actor,
      details: { organisationId: organisation.id, scopes: full.scopes },
    });
    return { credential: full, secret };
  }

  /** Revokes with immediate effect; revoking twice changes nothing. */
  async revoke(manager: EntityManager, credential: CredentialEntity, actor: Actor): Promise<void> {
    if (credential.revokedAt) return;
    await manager.query(`UPDATE credentials SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [credential.id]);
    await this.audit.record(manager, {
      action: 'credential.revoked',
      objectType: 'credential',
      objectId: credential.id,
      actor,
      details: { organisationId: credential.organisationId },
    });
  }
}
