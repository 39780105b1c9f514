import { rows, sql } from '@vir/database';
import { DataSource, EntityManager } from 'typeorm';
import { InvitationUnusableError } from './identity-errors';
import { PERSON_COLUMNS, personJoin, PersonRow, personView, PersonView } from './people';
import { TOKEN_SHAPE, tokenHash } from './tokens';

export interface OpenInvitation {
  invitationId: string;
  sealedSecret: Buffer;
  person: PersonView;
}

/** The invitation of a link's token while it can be used (not used, not expired, the person in standing). */
export async function openInvitation(
  on: DataSource | EntityManager,
  token: string,
  now: Date,
  lock = false,
): Promise<OpenInvitation> {
  if (!TOKEN_SHAPE.test(token)) throw new InvitationUnusableError();
  const [row] = await rows<PersonRow & { id: string; totp_secret: Buffer }>(
    on,
    sql`SELECT i.id, i.totp_secret, ${PERSON_COLUMNS} FROM invitations i ${personJoin(sql`i.person_id`)}
         WHERE i.token_hash = ${tokenHash(token)} AND i.used_at IS NULL AND i.expires_at > ${now}
         ${lock ? sql`FOR UPDATE OF i` : sql``}`,
  );
  if (!row?.standing) throw new InvitationUnusableError();
  return { invitationId: row.id, sealedSecret: row.totp_secret, person: personView(row) };
}
