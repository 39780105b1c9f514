import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { systemActor } from '@vir/common';
import { databaseNow, rows, sql } from '@vir/database';
import { ScheduledWorker } from '@vir/queue';
import { youthsStillAt } from '@vir/registrations';
import { DataSource } from 'typeorm';

/**
 * Closes the open address matches that lost their ground: the address was put on the register of
 * excluded addresses, or a youth moved away so that fewer than two youths of the match still live
 * there. (A college that switches the address match off makes no new ones; its open ones run their
 * course.) A match being joined at this moment is skipped and looked at again next time.
 */
@Injectable()
export class AddressMatchCloser extends ScheduledWorker {
  readonly schedules = { 'address-match-close': () => this.sweep() };

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  /** Returns how many matches closed. */
  async sweep(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const closed = await rows<{ id: string; municipality_code: string | null }>(
        manager,
        sql`WITH stale AS (
              SELECT m.id FROM matches m
               WHERE m.kind = 'address' AND m.status <> 'closed'
                 AND ${youthsStillAt(sql`m.youth_key`, sql`SELECT mp.registration_id FROM match_participants mp WHERE mp.match_id = m.id AND mp.left_at IS NULL`)} < 2
               FOR UPDATE OF m SKIP LOCKED
            )
            UPDATE matches m SET status = 'closed', closed_at = ${databaseNow}, youth_key = NULL
              FROM stale s WHERE m.id = s.id
            RETURNING m.id, m.municipality_code`,
      );
      if (closed.length > 0)
        await this.audit.recordMany(
          manager,
          closed.map((m) => ({
            action: 'match.closed',
            objectType: 'match',
            objectId: m.id,
            actor: systemActor(),
            municipalityCode: m.municipality_code,
            details: { reason: 'address_no_longer_shared' },
          })),
        );
      return closed.length;
    });
  }
}
