import { Module } from '@nestjs/common';
import { DeliveriesController } from './controllers/deliveries.controller';
import { SignalsController } from './controllers/signals.controller';
import { SignalsHandlersModule } from './signals-handlers.module';

/** The signals inbox of the api, and the deliveries of an organisation's signals for its administrator. */
@Module({
  imports: [SignalsHandlersModule],
  controllers: [SignalsController, DeliveriesController],
})
export class SignalsModule {}
