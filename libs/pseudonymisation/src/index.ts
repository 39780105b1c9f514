export { isValidBsn, normaliseBsn } from './bsn';
export type { Sex } from './service-number';
export { normaliseSurname, serviceNumber, SEXES } from './service-number';
export type { YouthIdentifier, YouthKey } from './youth-key.service';
export { YouthKeyService } from './youth-key.service';
export { PseudonymisationModule } from './pseudonymisation.module';
export { IsBsn } from './is-bsn.validator';
