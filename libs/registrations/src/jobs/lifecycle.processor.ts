import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, QUEUES } from '@vir/queue';
import { DataSource } from 'typeorm';
import { RegistrationRemoval } from '../registration-removal';
import { RetentionService } from '../retention.service';

@Injectable()
export class LifecycleProcessor extends JobProcessor {
  readonly queue = QUEUES.lifecycle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly removal: RegistrationRemoval,
    private readonly retention: RetentionService,
  ) {
    super();
  }

  readonly handlers: Record<string, JobHandler> = {
    retention: (data) => this.retention.run(data.correlationId),
    /** A disconnected organisation's registrations end, in batches, so a large one never holds one huge transaction. */
    'organisation-disconnected': async (data) => {
      const actor = { correlationId: data.correlationId ?? undefined };
      let total = 0;
      for (;;) {
        const removed = await this.dataSource.transaction((manager) =>
          this.removal.removeForOrganisation(manager, String(data.organisationId), actor),
        );
        total += removed;
        if (removed === 0) break;
      }
      this.logger.log(
        { organisationId: data.organisationId, removed: total },
        'registrations of a disconnected organisation removed',
      );
      return { removed: total };
    },
  };
}
