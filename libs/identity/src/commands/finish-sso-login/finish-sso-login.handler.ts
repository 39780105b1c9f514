import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { Clock } from '@vir/common';
import { execute, rows, sql } from '@vir/database';
import { organisationFacts, professionalFacts } from '@vir/organisations';
import { DataSource, EntityManager } from 'typeorm';
import type { ActiveLogin } from '../../commands/confirm-second-factor/confirm-second-factor.command';
import { SsoRefusal, SsoRefusedError } from '../../identity-errors';
import { IdentityProviders, IdentityProviderSettings } from '../../identity-providers';
import { OidcClient, VerifiedClaims } from '../../oidc-client';
import { PERSON_COLUMNS, personJoin, PersonRow, personView, PersonView } from '../../people';
import { personActor } from '../../person-actor';
import { SessionStore } from '../../session-store';
import { SSO_LOGIN_MINUTES } from '../../sso-login-window';
import { sameSecret, tokenHash } from '../../tokens';
import { FinishSsoLoginCommand } from './finish-sso-login.command';

@CommandHandler(FinishSsoLoginCommand)
export class FinishSsoLoginHandler implements ICommandHandler<FinishSsoLoginCommand, ActiveLogin> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly providers: IdentityProviders,
    private readonly oidc: OidcClient,
    private readonly sessions: SessionStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: FinishSsoLoginCommand): Promise<ActiveLogin> {
    let provider: IdentityProviderSettings | undefined;
    try {
      const started = await this.claimState(command);
      provider = await this.providers.of(started.organisation_id);
      if (!provider) throw new SsoRefusedError('provider');
      if (command.callbackUrl.searchParams.has('error')) throw new SsoRefusedError('denied');
      const claims = await this.oidc
        .verify(provider, command.callbackUrl, {
          state: command.callbackUrl.searchParams.get('state') ?? '',
          nonce: started.nonce,
          codeVerifier: started.code_verifier,
        })
        .catch(() => {
          throw new SsoRefusedError('provider');
        });
      const chosen = provider;
      return await this.dataSource.transaction(async (manager) => {
        const person = await this.bind(manager, chosen, claims);
        const login = await this.sessions.open(manager, person, 'active', 'oidc');
        await this.audit.record(manager, {
          action: 'person.logged-in',
          objectType: 'person',
          objectId: person.personId,
          actor: personActor(person, command.correlationId),
          details: { method: 'oidc', issuer: chosen.issuer },
        });
        return login;
      });
    } catch (error) {
      if (error instanceof SsoRefusedError) await this.refused(error.reason, provider, command.correlationId);
      throw error;
    }
  }

  /** The started login of this browser, used up now: a replayed or forged callback finds none. */
  private async claimState(command: FinishSsoLoginCommand) {
    const state = command.callbackUrl.searchParams.get('state') ?? '';
    if (!state || !command.cookieState || !sameSecret(state, command.cookieState)) throw new SsoRefusedError('state');
    const now = this.clock.now();
    const [started] = await rows<{ organisation_id: string; code_verifier: string; nonce: string }>(
      this.dataSource,
      sql`UPDATE sso_logins SET used_at = ${now}
           WHERE state_hash = ${tokenHash(state)} AND used_at IS NULL
             AND created_at > ${new Date(now.getTime() - SSO_LOGIN_MINUTES * 60_000)}
       RETURNING organisation_id, code_verifier, nonce`,
    );
    if (!started) throw new SsoRefusedError('state');
    return started;
  }

  /**
   * The person of an external identity: bound before, or bound now by a verified e-mail address of an
   * active person of that organisation. A person of another organisation is never reached.
   */
  private async bind(
    manager: EntityManager,
    provider: IdentityProviderSettings,
    claims: VerifiedClaims,
  ): Promise<PersonView> {
    const [bound] = await rows<PersonRow>(
      manager,
      sql`SELECT ${PERSON_COLUMNS} FROM external_identities x ${personJoin(sql`x.person_id`)}
           WHERE x.issuer = ${claims.issuer} AND x.subject = ${claims.subject}`,
    );
    if (bound) {
      if (!bound.standing || bound.organisation_id !== provider.organisationId)
        throw new SsoRefusedError('unknown-person');
      return personView(bound);
    }
    if (!claims.emailVerified || !claims.email) throw new SsoRefusedError('email-unverified');
    const [found] = await rows<PersonRow>(
      manager,
      sql`SELECT ${PERSON_COLUMNS} FROM ${professionalFacts()} p JOIN ${organisationFacts()} o ON o.id = p.organisation_id
           WHERE p.organisation_id = ${provider.organisationId} AND lower(p.email) = lower(${claims.email}) AND p.active
           ORDER BY p.id LIMIT 1`,
    );
    if (!found?.standing) throw new SsoRefusedError('unknown-person');
    await execute(
      manager,
      sql`INSERT INTO external_identities (issuer, subject, person_id, created_at)
          VALUES (${claims.issuer}, ${claims.subject}, ${found.person_id}, ${this.clock.now()})`,
    );
    return personView(found);
  }

  private async refused(
    reason: SsoRefusal,
    provider: IdentityProviderSettings | undefined,
    correlationId: string,
  ): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      action: 'person.login-failed',
      objectType: 'account',
      actor: { correlationId, organisationId: provider?.organisationId },
      details: { step: 'sso', reason },
    });
  }
}
