import { Global, Module } from '@nestjs/common';
import { matchHandover } from '@vir/matching';
import { PROFESSIONAL_HANDOVERS } from '@vir/organisations';
import { registrationHandover } from '@vir/registrations';
import { signalHandover } from '@vir/signals';

/** Wires what registrations, matching and signals hold of a person into the administration's departure of a leaver. */
@Global()
@Module({
  providers: [{ provide: PROFESSIONAL_HANDOVERS, useValue: [registrationHandover, matchHandover, signalHandover] }],
  exports: [PROFESSIONAL_HANDOVERS],
})
export class ProfessionalHandoversModule {}
