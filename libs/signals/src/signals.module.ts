import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactDirectory, OrganisationAccess, OrganisationEntity } from '@vir/organisations';
import { DeliveriesController } from './controllers/deliveries.controller';
import { AcknowledgeSignalHandler } from './commands/acknowledge-signal/acknowledge-signal.handler';
import { SignalsController } from './controllers/signals.controller';
import { GetSignalHandler } from './queries/get-signal/get-signal.handler';
import { ListWebhookDeliveriesHandler } from './queries/list-deliveries/list-deliveries.handler';
import { ListSignalsHandler } from './queries/list-signals/list-signals.handler';
import { SignalReader } from './signal-reader';

/** The signals inbox of the api, and the deliveries of an organisation's signals for its administrator. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([OrganisationEntity])],
  controllers: [SignalsController, DeliveriesController],
  providers: [
    ContactDirectory,
    OrganisationAccess,
    SignalReader,
    ListSignalsHandler,
    GetSignalHandler,
    AcknowledgeSignalHandler,
    ListWebhookDeliveriesHandler,
  ],
})
export class SignalsModule {}
