import { Module } from '@nestjs/common';
import { DeliveryProcessor } from './jobs/delivery.processor';
import { MailModule } from '@vir/mail';
import { SignalDeliveryService } from './signal-delivery.service';
import { WebhookClient } from './webhook-client';

/** Signal delivery by e-mail and webhook, for the worker process only. */
@Module({ imports: [MailModule], providers: [WebhookClient, SignalDeliveryService, DeliveryProcessor] })
export class SignalsJobsModule {}
