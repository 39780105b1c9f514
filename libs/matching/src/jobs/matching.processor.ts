import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, QUEUES } from '@vir/queue';
import { FollowUpService } from '../follow-up.service';
import { MatchDeparture } from '../match-departure';
import { MatchingService } from '../matching.service';

/** Thin: each job is one call into MatchingService, whose transaction makes retries harmless. */
@Injectable()
export class MatchingProcessor extends JobProcessor {
  readonly queue = QUEUES.matching;

  constructor(
    private readonly matching: MatchingService,
    private readonly followUp: FollowUpService,
    private readonly departure: MatchDeparture,
  ) {
    super();
  }

  readonly handlers: Record<string, JobHandler> = {
    'registration-created': (data) =>
      this.matching.onRegistrationCreated(String(data.registrationId), data.correlationId),
    'registration-removed': (data) =>
      this.departure.onRegistrationRemoved(String(data.registrationId), data.correlationId),
    'follow-up-officer-designated': (data) =>
      this.followUp.deliverMissedCopies(String(data.professionalId), data.correlationId),
    'follow-up-reminder': (data) => this.followUp.remind(String(data.matchId), data.correlationId),
    'follow-up-escalation': (data) => this.followUp.escalate(String(data.matchId), data.correlationId),
  };

  protected override concurrency(): number {
    return this.appConfig.MATCH_CONCURRENCY;
  }
}
