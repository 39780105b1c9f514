import { Module } from '@nestjs/common';
import { DeliveryProcessor } from './jobs/delivery.processor';
import { SignalDeliveryService } from './signal-delivery.service';

/** Signal delivery by e-mail and webhook, for the worker process only. */
@Module({ providers: [SignalDeliveryService, DeliveryProcessor] })
export class SignalsJobsModule {}
