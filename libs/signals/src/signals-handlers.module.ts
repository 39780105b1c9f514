import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactDirectory, OrganisationAccess, OrganisationEntity } from '@vir/organisations';
import { AcknowledgeSignalHandler } from './commands/acknowledge-signal/acknowledge-signal.handler';
import { TestWebhookHandler } from './commands/test-webhook/test-webhook.handler';
import { WebhookClient } from './webhook-client';
import { GetSignalHandler } from './queries/get-signal/get-signal.handler';
import { ListWebhookDeliveriesHandler } from './queries/list-deliveries/list-deliveries.handler';
import { ListSignalsHandler } from './queries/list-signals/list-signals.handler';
import { SignalReader } from './signal-reader';

/** The inbox's use cases, for every process that serves people: the api (for case systems) and the portal. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([OrganisationEntity])],
  providers: [
    ContactDirectory,
    OrganisationAccess,
    SignalReader,
    ListSignalsHandler,
    GetSignalHandler,
    AcknowledgeSignalHandler,
    ListWebhookDeliveriesHandler,
    WebhookClient,
    TestWebhookHandler,
  ],
})
export class SignalsHandlersModule {}
