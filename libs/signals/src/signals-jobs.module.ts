import { Module } from '@nestjs/common';
import { DeliveryProcessor } from './jobs/delivery.processor';
import { Mailer } from './mailer';
import { SignalDeliveryService } from './signal-delivery.service';
import { WebhookClient } from './webhook-client';

/** Signal delivery by e-mail and webhook, for the worker process only. */
@Module({ providers: [Mailer, WebhookClient, SignalDeliveryService, DeliveryProcessor], exports: [Mailer] })
export class SignalsJobsModule {}
