import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { rows, sql } from '@vir/database';
import { registrationActive } from '@vir/registrations';
import { DataSource } from 'typeorm';
import { MatchReader } from '../../match-reader';
import { MatchView } from '../../match-view';
import { notAParticipant } from '../../match-errors';
import { changeOpenMatch } from '../../match-changes';
import { ChooseLeadCommand } from './choose-lead.command';

/** Who coordinates the help (one family, one plan, one coordinator): any active participant, chosen by a participant or the follow-up officer. */
@CommandHandler(ChooseLeadCommand)
export class ChooseLeadHandler implements ICommandHandler<ChooseLeadCommand, MatchView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: MatchReader,
    private readonly audit: AuditLog,
  ) {}

  execute({ principal, matchId, professionalId }: ChooseLeadCommand): Promise<MatchView> {
    return changeOpenMatch(this.dataSource, this.reader, principal, matchId, async (manager) => {
      const [participant] = await rows(
        manager,
        sql`SELECT 1 FROM match_participants mp
             WHERE mp.match_id = ${matchId} AND mp.professional_id = ${professionalId} AND mp.left_at IS NULL
               AND ${registrationActive(sql`mp.registration_id`)}`,
      );
      if (!participant) throw notAParticipant('The lead must be a professional taking part in this match.');
      await rows(manager, sql`UPDATE matches SET lead_professional_id = ${professionalId} WHERE id = ${matchId}`);
      await this.audit.record(manager, {
        action: 'match.lead-chosen',
        objectType: 'match',
        objectId: matchId,
        actor: actorOf(principal),
        details: { leadProfessionalId: professionalId },
      });
    });
  }
}
