import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { Actor, Clock, isUuid, NotFoundError } from '@vir/common';
import { AppConfig } from '@vir/config';
import { execute, rows, sql } from '@vir/database';
import type { EntityManager } from 'typeorm';
import { PERSON_COLUMNS, personJoin, PersonRow, personView, PersonView } from './people';
import { SecondFactor } from './second-factor';
import { newToken, tokenHash } from './tokens';

export interface NewInvitation {
  person: PersonView;
  link: string;
  expiresAt: Date;
}

/**
 * Makes a person's one-time invitation: a link valid for INVITATION_VALID_DAYS that sets a password
 * and enrols TOTP (also a reset: the old password, second factor and sessions end when it is used).
 * Only the newest link of a person works.
 */
@Injectable()
export class Invitations {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly secondFactor: SecondFactor,
    private readonly audit: AuditLog,
  ) {}

  /** Refused as not found (before anything is written) unless the person is in standing, and of `organisationId` when given. */
  async create(
    manager: EntityManager,
    personId: string,
    actor: Actor,
    organisationId?: string,
  ): Promise<NewInvitation> {
    const [row] = isUuid(personId)
      ? await rows<PersonRow>(
          manager,
          sql`SELECT ${PERSON_COLUMNS} FROM (SELECT ${personId}::uuid AS id) i ${personJoin(sql`i.id`)}`,
        )
      : [];
    if (!row?.standing || (organisationId !== undefined && row.organisation_id !== organisationId))
      throw new NotFoundError('PROFESSIONAL_NOT_FOUND', 'Professional');
    const person = personView(row);
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.INVITATION_VALID_DAYS * 86_400_000);
    await execute(
      manager,
      sql`UPDATE invitations SET expires_at = ${now} WHERE person_id = ${personId} AND used_at IS NULL AND expires_at > ${now}`,
    );
    await execute(
      manager,
      sql`INSERT INTO invitations (person_id, token_hash, totp_secret, created_at, expires_at)
          VALUES (${personId}, ${tokenHash(token)}, ${this.secondFactor.seal(this.secondFactor.newSecret())}, ${now}, ${expiresAt})`,
    );
    await this.audit.record(manager, {
      action: 'person.invited',
      objectType: 'person',
      objectId: personId,
      actor: { ...actor, municipalityCode: actor.municipalityCode ?? person.municipalityCode },
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { person, link: `${this.config.PORTAL_URL.replace(/\/$/, '')}/uitnodiging/${token}`, expiresAt };
  }
}
