import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ContactDirectory } from '@vir/organisations';
import { AcknowledgeSignalHandler } from './commands/acknowledge-signal';
import { SignalsController } from './controllers/signals.controller';
import { GetSignalHandler } from './queries/get-signal';
import { ListSignalsHandler } from './queries/list-signals';
import { SignalReader } from './signal-reader';

/** The signals inbox of the api. */
@Module({
  imports: [CqrsModule],
  controllers: [SignalsController],
  providers: [ContactDirectory, SignalReader, ListSignalsHandler, GetSignalHandler, AcknowledgeSignalHandler],
})
export class SignalsModule {}
