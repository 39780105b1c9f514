import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, QUEUES } from '@vir/queue';
import { SignalDeliveryService } from '../signal-delivery.service';

@Injectable()
export class DeliveryProcessor extends JobProcessor {
  readonly queue = QUEUES.delivery;

  constructor(private readonly delivery: SignalDeliveryService) {
    super();
  }

  readonly handlers: Record<string, JobHandler> = {
    'signal-created': (data) => this.delivery.deliver(String(data.signalId), data.correlationId),
  };

  protected override concurrency(): number {
    return 8;
  }
}
