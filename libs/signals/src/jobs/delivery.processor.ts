import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, QUEUES, WEBHOOK_BACKOFF } from '@vir/queue';
import { SignalDeliveryService } from '../signal-delivery.service';

@Injectable()
export class DeliveryProcessor extends JobProcessor {
  readonly queue = QUEUES.delivery;

  constructor(private readonly delivery: SignalDeliveryService) {
    super();
  }

  readonly handlers: Record<string, JobHandler> = {
    'deliver-emails': (data, job) => this.delivery.deliver('email', data.signalIds as string[], job),
    'deliver-webhooks': (data, job) => this.delivery.deliver('webhook', data.signalIds as string[], job),
  };

  protected override concurrency(): number {
    return this.appConfig.DELIVERY_CONCURRENCY;
  }

  /** Webhooks: exponential from WEBHOOK_RETRY_BASE_MS, at most an hour apart, until the retry window closes. */
  protected override backoff(attempt: number, type: string): number | undefined {
    if (type !== WEBHOOK_BACKOFF) return undefined;
    return Math.min(this.appConfig.WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1), 3_600_000);
  }
}
