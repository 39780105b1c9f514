import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf, ownProfessional } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { databaseNow, rows, sql } from '@vir/database';
import { standInsToday } from '@vir/organisations';
import { registrationActive } from '@vir/registrations';
import { DataSource } from 'typeorm';
import { MatchReader } from '../../match-reader';
import { MatchView } from '../../match-view';
import { notAParticipant } from '../../match-errors';
import { changeOpenMatch } from '../../match-changes';
import { ConfirmContactCommand } from './confirm-contact.command';

/**
 * "I have been in touch with the others." A professional of the caller's organisation who takes
 * part in the match confirms; with two confirmations the match is in contact. Repeating changes nothing.
 * A stand-in (vervanger) who takes no part in the match themselves confirms for the colleague(s) they
 * stand in for today; the match then shows who confirmed "namens" them.
 */
@CommandHandler(ConfirmContactCommand)
export class ConfirmContactHandler implements ICommandHandler<ConfirmContactCommand, MatchView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: MatchReader,
    private readonly audit: AuditLog,
  ) {}

  execute({ principal, matchId, professionalId, outcome }: ConfirmContactCommand): Promise<MatchView> {
    const own = ownProfessional(principal);
    if (own && professionalId !== own)
      throw notAParticipant('A person logged in to the portal confirms only as themselves.');
    return changeOpenMatch(this.dataSource, this.reader, principal, matchId, async (manager) => {
      const updated = await rows<{ professional_id: string }>(
        manager,
        sql`UPDATE match_participants mp SET contact_confirmed_at = coalesce(mp.contact_confirmed_at, ${databaseNow}),
               contact_confirmed_by_professional_id = CASE WHEN mp.contact_confirmed_at IS NULL AND mp.professional_id <> ${professionalId}
                 THEN ${professionalId}::uuid ELSE mp.contact_confirmed_by_professional_id END,
               contact_outcome = coalesce(mp.contact_outcome, ${outcome})
             WHERE mp.match_id = ${matchId} AND mp.organisation_id = ${principal.organisationId} AND mp.left_at IS NULL
               AND ${registrationActive(sql`mp.registration_id`)}
               AND mp.professional_id IN (
                 SELECT ${professionalId}::uuid
                 UNION ALL
                 SELECT si.professional_id FROM ${standInsToday()} si
                  WHERE si.stand_in_id = ${professionalId}
                    AND NOT EXISTS (SELECT 1 FROM match_participants own
                                     WHERE own.match_id = ${matchId} AND own.professional_id = ${professionalId} AND own.left_at IS NULL))
            RETURNING mp.professional_id`,
      );
      if (updated.length === 0)
        throw notAParticipant(
          'professionalId is not a professional of your organisation taking part in this match, nor standing in for one today.',
        );
      const onBehalfOf = updated.map((p) => p.professional_id).filter((id) => id !== professionalId);
      await this.audit.record(manager, {
        action: 'match.contact-confirmed',
        objectType: 'match',
        objectId: matchId,
        actor: actorOf(principal, professionalId),
        details: { outcome, ...(onBehalfOf.length > 0 && { onBehalfOf }) },
      });
      await rows(
        manager,
        sql`UPDATE matches SET status = 'in_contact', in_contact_at = ${databaseNow}
             WHERE id = ${matchId} AND status = 'open'
               AND (SELECT count(*) FROM match_participants
                     WHERE match_id = ${matchId} AND left_at IS NULL AND contact_confirmed_at IS NOT NULL) >= 2`,
      );
    });
  }
}
