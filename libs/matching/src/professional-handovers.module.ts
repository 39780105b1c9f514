import { Global, Module } from '@nestjs/common';
import { PROFESSIONAL_HANDOVERS } from '@vir/organisations';
import { registrationHandover } from '@vir/registrations';
import { signalHandover } from '@vir/signals';
import { matchHandover } from './match-handover';

/**
 * Wires what registrations, matching and signals hold of a person into the administration's departure
 * of a leaver, for every process that ends a designation (the api and the portal).
 */
@Global()
@Module({
  providers: [{ provide: PROFESSIONAL_HANDOVERS, useValue: [registrationHandover, matchHandover, signalHandover] }],
  exports: [PROFESSIONAL_HANDOVERS],
})
export class ProfessionalHandoversModule {}
