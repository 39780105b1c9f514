import { Module } from '@nestjs/common';
import { DeliveryProcessor } from './jobs/delivery.processor';
import { SignalDigest } from './jobs/signal-digest';
import { MailModule } from '@vir/mail';
import { SignalDeliveryService } from './signal-delivery.service';
import { WebhookClient } from './webhook-client';

/** Signal delivery by e-mail (one by one, or the daily digest) and webhook, for the worker process only. */
@Module({ imports: [MailModule], providers: [WebhookClient, SignalDeliveryService, DeliveryProcessor, SignalDigest] })
export class SignalsJobsModule {}
