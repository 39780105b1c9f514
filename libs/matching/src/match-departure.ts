import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { ARCHIVED_REASONS } from '@vir/registrations';
import type { RemovalReason } from '@vir/registrations';
import { DataSource } from 'typeorm';

/**
 * What follows when a registration ends. It leaves its open matches; a match with fewer than two
 * active registrations closes. When the registration leaves nothing behind (withdrawn as
 * unjustified, erased, objected to, the youth died or turned 23, the organisation was disconnected)
 * nothing derived from it stays either: the signals it triggered no longer name anyone, and no
 * signal of its matches names its professional any more. A registration archived (risk gone,
 * expired) was lawful while it lasted, so the signals about it stay as they were.
 */
@Injectable()
export class MatchDeparture {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Returns the ids of the matches that closed. */
  async onRegistrationRemoved(registrationId: string, correlationId?: string | null): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const [registration]: { professional_id: string; removal_reason: RemovalReason | null }[] = await manager.query(
        `SELECT professional_id, removal_reason FROM registrations WHERE id = $1`,
        [registrationId],
      );
      const memberships: { match_id: string; municipality_code: string | null }[] = await manager.query(
        `SELECT mp.match_id, m.municipality_code FROM match_participants mp JOIN matches m ON m.id = mp.match_id
          WHERE mp.registration_id = $1 AND m.status <> 'closed' ORDER BY mp.match_id FOR UPDATE OF m`,
        [registrationId],
      );
      const scrub = !!registration?.removal_reason && !ARCHIVED_REASONS.includes(registration.removal_reason);
      if (scrub) {
        const [triggered] = await manager.query<[unknown[], number]>(
          `UPDATE signals SET named_professional_ids = '{}' WHERE trigger_registration_id = $1 AND cardinality(named_professional_ids) > 0 RETURNING id`,
          [registrationId],
        );
        const [named] = await manager.query<[unknown[], number]>(
          `UPDATE signals SET named_professional_ids = array_remove(named_professional_ids, $2)
            WHERE match_id IN (SELECT match_id FROM match_participants WHERE registration_id = $1) AND $2 = ANY(named_professional_ids) RETURNING id`,
          [registrationId, registration.professional_id],
        );
        if (triggered.length + named.length > 0) {
          await this.audit.record(manager, {
            action: 'signals.withdrawn',
            objectType: 'registration',
            objectId: registrationId,
            actor: { correlationId: correlationId ?? undefined },
            municipalityCode: memberships[0]?.municipality_code ?? null,
            details: {
              reason: registration.removal_reason,
              signalsEmptied: triggered.length,
              signalsNoLongerNaming: named.length,
            },
          });
        }
      }
      const closed: string[] = [];
      for (const { match_id: matchId, municipality_code: municipalityCode } of memberships) {
        await manager.query(
          `UPDATE match_participants SET left_at = now() WHERE match_id = $1 AND registration_id = $2 AND left_at IS NULL`,
          [matchId, registrationId],
        );
        const [{ remaining }]: { remaining: number }[] = await manager.query(
          `SELECT count(*)::int AS remaining FROM match_participants mp JOIN registrations r ON r.id = mp.registration_id
            WHERE mp.match_id = $1 AND mp.left_at IS NULL AND r.status = 'active'`,
          [matchId],
        );
        if (remaining >= 2) continue;
        const [row] = await manager.query<[{ id: string }[], number]>(
          `UPDATE matches SET status = 'closed', closed_at = now(), youth_key = NULL WHERE id = $1 AND status <> 'closed' RETURNING id`,
          [matchId],
        );
        if (row.length === 0) continue;
        closed.push(matchId);
        await this.audit.record(manager, {
          action: 'match.closed',
          objectType: 'match',
          objectId: matchId,
          actor: { correlationId: correlationId ?? undefined },
          municipalityCode,
          details: { reason: 'fewer_than_two_registrations' },
        });
      }
      return closed;
    });
  }
}
