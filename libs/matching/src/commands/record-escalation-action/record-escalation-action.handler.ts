import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { addDays, Clock, ConflictError, RuleViolationError, todayInAmsterdam } from '@vir/common';
import { databaseNow, rows, sql } from '@vir/database';
import { registrationActive } from '@vir/registrations';
import { followUpCopyReceived } from '@vir/signals';
import { DataSource } from 'typeorm';
import { changeOpenMatch } from '../../match-changes';
import { matchNotFound, notAParticipant } from '../../match-errors';
import { MatchView } from '../../match-view';
import { MatchReader } from '../../match-reader';
import { MAX_NEXT_CHECK_DAYS } from './record-escalation-action.dto';
import { RecordEscalationActionCommand } from './record-escalation-action.command';

/**
 * The follow-up officer records what they did with an escalated match: whom of the participants
 * they contacted, and whether it is resolved or they look again on a day. Each action is kept (the
 * worklist shows the latest); a resolved escalation takes the match off the escalated and overdue
 * lists, while the match itself stays open until the participants confirm contact.
 */
@CommandHandler(RecordEscalationActionCommand)
export class RecordEscalationActionHandler implements ICommandHandler<RecordEscalationActionCommand, MatchView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: MatchReader,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  execute({ principal, matchId, input }: RecordEscalationActionCommand): Promise<MatchView> {
    const today = todayInAmsterdam(this.clock.now());
    if (input.outcome === 'resolved' && input.nextCheckOn !== undefined)
      throw nextCheckInvalid('A resolved escalation has no next check; leave nextCheckOn out.');
    if (
      input.outcome !== 'resolved' &&
      (input.nextCheckOn! <= today || input.nextCheckOn! > addDays(today, MAX_NEXT_CHECK_DAYS))
    )
      throw nextCheckInvalid(`nextCheckOn must come after today and within ${MAX_NEXT_CHECK_DAYS} days.`);
    const contacted = [...new Set(input.contacted)];
    return changeOpenMatch(this.dataSource, this.reader, principal, matchId, async (manager) => {
      const [match] = await rows<{ escalated: boolean; resolved: boolean; copy: boolean }>(
        manager,
        sql`SELECT m.escalated_at IS NOT NULL AS escalated, m.escalation_resolved_at IS NOT NULL AS resolved,
                   ${followUpCopyReceived(sql`m.id`, principal.organisationId)} AS copy
              FROM matches m WHERE m.id = ${matchId}`,
      );
      // Only the follow-up officer's organisation handles the escalation; a participant sees the match, not this.
      if (!match.copy) throw matchNotFound();
      if (!match.escalated)
        throw new ConflictError('NOT_ESCALATED', 'Not escalated', 'This match has not been escalated to the gemeente.');
      if (match.resolved)
        throw new ConflictError(
          'ESCALATION_RESOLVED',
          'Escalation resolved',
          'The escalation of this match was recorded as resolved.',
        );
      const participants = await rows<{ professional_id: string }>(
        manager,
        sql`SELECT mp.professional_id FROM match_participants mp
             WHERE mp.match_id = ${matchId} AND mp.professional_id = ANY(${contacted}::uuid[]) AND mp.left_at IS NULL
               AND ${registrationActive(sql`mp.registration_id`)}`,
      );
      if (participants.length !== contacted.length)
        throw notAParticipant('contacted must name professionals taking part in this match.', 'contacted');
      const nextCheckOn = input.outcome === 'resolved' ? null : input.nextCheckOn!;
      const [action] = await rows<{ id: string }>(
        manager,
        sql`INSERT INTO match_escalation_actions (match_id, recorded_by_professional_id, contacted_professional_ids, outcome, next_check_on)
            VALUES (${matchId}, ${principal.person?.id ?? null}, ${contacted}::uuid[], ${input.outcome}, ${nextCheckOn}::date)
            RETURNING id`,
      );
      await rows(
        manager,
        sql`UPDATE matches SET escalation_next_check_on = ${nextCheckOn}::date,
               escalation_resolved_at = ${input.outcome === 'resolved' ? databaseNow : sql`NULL`}
             WHERE id = ${matchId}`,
      );
      await this.audit.record(manager, {
        action: 'match.escalation-handled',
        objectType: 'match',
        objectId: matchId,
        actor: actorOf(principal),
        details: { actionId: action.id, outcome: input.outcome, contacted, nextCheckOn },
      });
    });
  }
}

const nextCheckInvalid = (detail: string) =>
  new RuleViolationError('NEXT_CHECK_ON_INVALID', 'Next check on an impossible day', detail, 'nextCheckOn');
