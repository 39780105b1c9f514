import { Injectable, Logger } from '@nestjs/common';
import {
  hashCredentialSecret,
  MUNICIPALITY_ONLY_SCOPES,
  newCredentialSecret,
  Principal,
  PrincipalResolver,
  Scope,
} from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Actor } from '@vir/common';
import { databaseNow, execute, sql } from '@vir/database';
import { DataSource, EntityManager } from 'typeorm';
import { CREDENTIALS_CHANNEL, CredentialCache } from './credential-cache';
import { CredentialEntity } from './entities/credential.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import {
  adminScopeCombined,
  auditScopeCombined,
  organisationDisconnected,
  scopeNotForKind,
} from './organisation-errors';

/** Separation of duties: whoever administers connects organisations and never sees registrations, signals or follow-up. */
const DUTIES_APART_FROM_ADMIN: readonly Scope[] = ['registrations', 'signals', 'follow-up'];

interface PrincipalRow {
  id: string;
  organisation_id: string;
  scopes: Scope[];
  kind: string;
  municipality_code: string;
}

/** Issues, revokes and resolves credentials. Only SHA-256 hashes of secrets are ever stored. */
@Injectable()
export class CredentialService extends PrincipalResolver {
  private readonly logger = new Logger(CredentialService.name);
  /** When this process last wrote last_used_at per credential; it is written at most once a minute. */
  private readonly usageWritten = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly cache: CredentialCache,
  ) {
    super();
  }

  /**
   * A revoked credential or a disconnected organisation stops working at once (see CredentialCache
   * for how the cache keeps that promise). `last_used_at` is written off the request path.
   */
  async resolve(secret: string, correlationId: string): Promise<Principal | undefined> {
    const hash = hashCredentialSecret(secret);
    const key = hash.toString('hex');
    let principal = this.cache.get(key);
    if (!principal) {
      const generation = this.cache.currentGeneration();
      const rows: PrincipalRow[] = await this.dataSource.query(
        `SELECT c.id, c.organisation_id, c.scopes, o.kind, o.municipality_code
           FROM credentials c JOIN organisations o ON o.id = c.organisation_id
          WHERE c.secret_hash = $1 AND c.revoked_at IS NULL AND o.status = 'connected'`,
        [hash],
      );
      const row = rows[0];
      if (!row) return undefined;
      principal = {
        credentialId: row.id,
        organisationId: row.organisation_id,
        organisationKind: row.kind,
        municipalityCode: row.municipality_code,
        scopes: row.scopes,
      };
      this.cache.set(key, principal, generation);
    }
    if (principal.credentialId) this.recordUse(principal.credentialId);
    return { ...principal, correlationId };
  }

  private recordUse(credentialId: string): void {
    const now = Date.now();
    if (now - (this.usageWritten.get(credentialId) ?? 0) < 60_000) return;
    this.usageWritten.set(credentialId, now);
    execute(
      this.dataSource,
      sql`UPDATE credentials SET last_used_at = ${databaseNow} WHERE id = ${credentialId}`,
    ).catch((error: Error) => this.logger.warn({ err: { name: error.name } }, 'could not record credential use'));
  }

  /** Tells every api process to forget cached credentials when this transaction commits. */
  async announceChange(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [CREDENTIALS_CHANNEL]);
    this.cache.invalidate();
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
    const mixed = scopes.filter((scope) => DUTIES_APART_FROM_ADMIN.includes(scope));
    if (scopes.includes('admin') && mixed.length > 0) throw adminScopeCombined(mixed);
    if (scopes.includes('audit') && mixed.length > 0) throw auditScopeCombined(mixed);

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
    await execute(
      manager,
      sql`UPDATE credentials SET revoked_at = ${databaseNow} WHERE id = ${credential.id} AND revoked_at IS NULL`,
    );
    await this.announceChange(manager);
    await this.audit.record(manager, {
      action: 'credential.revoked',
      objectType: 'credential',
      objectId: credential.id,
      actor,
      details: { organisationId: credential.organisationId },
    });
  }
}
