/** Platform: how a youth is identified and pseudonymised — BSN checks, the verwijsindexservicenummer, the keyed youth key and its rotation. */
export { isValidBsn, normaliseBsn } from './bsn';
export type { Sex } from './service-number';
export { normaliseSurname, serviceNumber, SEXES, surnameProblem } from './service-number';
export type { YouthIdentifier, YouthKey } from './youth-key.service';
export { YouthKeyService } from './youth-key.service';
export { PseudonymisationModule } from './pseudonymisation.module';
export { IsBsn } from './is-bsn.validator';
export { DeceasedYouthDto, YouthDto, YouthField } from './youth.dto';
export { youthIdentifier } from './youth-identifier';
