import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { jobOptions, QueueRegistry, QUEUES, ScheduledWorker } from '@vir/queue';
import { FollowUpService } from '../follow-up.service';

/**
 * Every FOLLOW_UP_SWEEP_INTERVAL_MS: queue a reminder or escalation job for each match whose
 * deadline has passed. Job ids are deterministic (`follow-up-reminder-<match>`), and the job checks
 * the database, so sweeps by several workers or after a restart send nothing twice.
 */
@Injectable()
export class FollowUpSweeper extends ScheduledWorker {
  readonly schedules = {
    'follow-up-sweep': () => this.sweep(),
  };

  constructor(
    private readonly followUp: FollowUpService,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async sweep(): Promise<{ reminders: number; escalations: number }> {
    const due = await this.followUp.due();
    const options = jobOptions(this.config);
    const jobs = [
      ...due.reminders.map((matchId) => ({
        name: 'follow-up-reminder',
        data: { matchId },
        opts: { ...options, jobId: `follow-up-reminder-${matchId}` },
      })),
      ...due.escalations.map((matchId) => ({
        name: 'follow-up-escalation',
        data: { matchId },
        opts: { ...options, jobId: `follow-up-escalation-${matchId}` },
      })),
    ];
    if (jobs.length > 0) await this.queues.get(QUEUES.matching).addBulk(jobs);
    return { reminders: due.reminders.length, escalations: due.escalations.length };
  }
}
