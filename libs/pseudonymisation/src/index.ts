/** Platform: how a youth is identified and pseudonymised — BSN checks, the verwijsindexservicenummer, the keyed youth key and its rotation. */
export { YouthKeyService } from './youth-key.service';
export { PseudonymisationModule } from './pseudonymisation.module';
export { DeceasedYouthDto, YouthDto, YouthField } from './youth.dto';
export { youthIdentifier } from './youth-identifier';
export { surnameProblem } from './service-number';
export type { YouthIdentifier } from './youth-key.service';
export { Sealer } from './sealer';
