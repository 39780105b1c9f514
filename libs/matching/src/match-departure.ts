import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { databaseNow, rows, sql } from '@vir/database';
import { activeYouthKey, ARCHIVED_REASONS, registrationActive, registrationEnding } from '@vir/registrations';
import { unnameRegistration } from '@vir/signals';
import type { RemovalReason } from '@vir/registrations';
import { DataSource } from 'typeorm';

/**
 * What follows when a registration ends. It leaves its open matches; a match with fewer than two
 * active registrations closes (a family or address match: with registrations of fewer than two
 * youths). When the registration leaves nothing behind (withdrawn as
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
      const [registration] = await rows<{ professional_id: string; removal_reason: RemovalReason | null }>(
        manager,
        registrationEnding(registrationId),
      );
      const memberships = await rows<{ match_id: string; kind: string; municipality_code: string | null }>(
        manager,
        sql`SELECT mp.match_id, m.kind, m.municipality_code FROM match_participants mp JOIN matches m ON m.id = mp.match_id
             WHERE mp.registration_id = ${registrationId} AND m.status <> 'closed' ORDER BY mp.match_id FOR UPDATE OF m`,
      );
      const scrub = !!registration?.removal_reason && !ARCHIVED_REASONS.includes(registration.removal_reason);
      if (scrub) {
        const changed = await unnameRegistration(
          manager,
          registrationId,
          registration.professional_id,
          sql`SELECT match_id FROM match_participants WHERE registration_id = ${registrationId}`,
        );
        if (changed.emptied + changed.noLongerNaming > 0) {
          await this.audit.record(manager, {
            action: 'signals.withdrawn',
            objectType: 'registration',
            objectId: registrationId,
            actor: { correlationId: correlationId ?? undefined },
            municipalityCode: memberships[0]?.municipality_code ?? null,
            details: {
              reason: registration.removal_reason,
              signalsEmptied: changed.emptied,
              signalsNoLongerNaming: changed.noLongerNaming,
            },
          });
        }
      }
      const closed: string[] = [];
      for (const { match_id: matchId, kind, municipality_code: municipalityCode } of memberships) {
        await rows(
          manager,
          sql`UPDATE match_participants SET left_at = ${databaseNow}
               WHERE match_id = ${matchId} AND registration_id = ${registrationId} AND left_at IS NULL`,
        );
        // A family or address match needs registrations of two youths; a same-youth match two registrations.
        const [{ remaining, youths }] = await rows<{ remaining: number; youths: number }>(
          manager,
          sql`SELECT count(*)::int AS remaining, count(DISTINCT ${activeYouthKey(sql`mp.registration_id`)})::int AS youths
                FROM match_participants mp
               WHERE mp.match_id = ${matchId} AND mp.left_at IS NULL AND ${registrationActive(sql`mp.registration_id`)}`,
        );
        if ((kind === 'same_youth' ? remaining : youths) >= 2) continue;
        const closedNow = await rows(
          manager,
          sql`UPDATE matches SET status = 'closed', closed_at = ${databaseNow}, youth_key = NULL
               WHERE id = ${matchId} AND status <> 'closed' RETURNING id`,
        );
        if (closedNow.length === 0) continue;
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
