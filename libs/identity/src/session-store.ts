import { Injectable } from '@nestjs/common';
import { Clock } from '@vir/common';
import { AppConfig } from '@vir/config';
import { execute, rows, sql } from '@vir/database';
import { DataSource, EntityManager } from 'typeorm';
import { PERSON_COLUMNS, personJoin, PersonRow, personView, PersonView } from './people';
import { newToken, tokenHash } from './tokens';

export type SessionStage = 'second_factor' | 'active';
export type LoginMethod = 'password' | 'oidc';

export interface OpenSession {
  sessionId: string;
  stage: SessionStage;
  csrfToken: string;
  loginMethod: LoginMethod;
  person: PersonView;
}

export type SessionEnd =
  | 'logout'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'person_inactive'
  | 'role_changed'
  | 'second_factor_passed'
  | 'credentials_reset';

/** A login that waits for its second factor has this long to get it. */
const SECOND_FACTOR_MINUTES = 5;
/** last_seen_at is written at most this often, so a busy page is not a write per request. */
const TOUCH_EVERY_MS = 30_000;

/**
 * Sessions live on the server; the cookie carries a random token of which only the hash is kept.
 * A session is looked at on every request: it ends after SESSION_IDLE_MINUTES without a request,
 * SESSION_ABSOLUTE_HOURS after login, and at once when the person is deactivated, the organisation
 * disconnected or the role changed (the person's standing is read with the session, every time).
 */
@Injectable()
export class SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async open(
    manager: EntityManager,
    person: PersonView,
    stage: SessionStage,
    loginMethod: LoginMethod = 'password',
  ): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.clock.now();
    await execute(
      manager,
      sql`INSERT INTO sessions (token_hash, person_id, role_at_start, stage, login_method, csrf_token, created_at, last_seen_at)
          VALUES (${tokenHash(token)}, ${person.personId}, ${person.role}, ${stage}, ${loginMethod}, ${csrfToken}, ${now}, ${now})`,
    );
    return { token, csrfToken };
  }

  /** The open session of a cookie's token, or null (and the session ended, with its reason) when it may not go on. */
  async resume(token: string): Promise<OpenSession | null> {
    const [row] = await rows<
      PersonRow & {
        id: string;
        stage: SessionStage;
        login_method: LoginMethod;
        csrf_token: string;
        role_at_start: string;
        created_at: Date;
        last_seen_at: Date;
      }
    >(
      this.dataSource,
      sql`SELECT s.id, s.stage, s.login_method, s.csrf_token, s.role_at_start, s.created_at, s.last_seen_at, ${PERSON_COLUMNS}
            FROM sessions s ${personJoin(sql`s.person_id`)}
           WHERE s.token_hash = ${tokenHash(token)} AND s.ended_at IS NULL`,
    );
    if (!row) return null;
    const now = this.clock.now().getTime();
    const idleMs = (row.stage === 'active' ? this.config.SESSION_IDLE_MINUTES : SECOND_FACTOR_MINUTES) * 60_000;
    const end: SessionEnd | null = !row.standing
      ? 'person_inactive'
      : row.role !== row.role_at_start
        ? 'role_changed'
        : now - row.last_seen_at.getTime() > idleMs
          ? 'idle_timeout'
          : now - row.created_at.getTime() > this.config.SESSION_ABSOLUTE_HOURS * 3_600_000
            ? 'absolute_timeout'
            : null;
    if (end) {
      await this.end(this.dataSource.manager, row.id, end);
      return null;
    }
    if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await execute(this.dataSource, sql`UPDATE sessions SET last_seen_at = ${new Date(now)} WHERE id = ${row.id}`);
    }
    return {
      sessionId: row.id,
      stage: row.stage,
      csrfToken: row.csrf_token,
      loginMethod: row.login_method,
      person: personView(row),
    };
  }

  async end(manager: EntityManager, sessionId: string, reason: SessionEnd): Promise<void> {
    await execute(
      manager,
      sql`UPDATE sessions SET ended_at = ${this.clock.now()}, end_reason = ${reason} WHERE id = ${sessionId} AND ended_at IS NULL`,
    );
  }

  /** Ends every open session of a person (new credentials, a reset). */
  async endAllOf(manager: EntityManager, personId: string, reason: SessionEnd): Promise<number> {
    return execute(
      manager,
      sql`UPDATE sessions SET ended_at = ${this.clock.now()}, end_reason = ${reason} WHERE person_id = ${personId} AND ended_at IS NULL`,
    );
  }
}
