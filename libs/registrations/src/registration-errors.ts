import { AppError, ConflictError, NotFoundError, RuleViolationError, ValidationFailedError } from '@vir/common';

export const registrationNotFound = () => new NotFoundError('REGISTRATION_NOT_FOUND', 'Registration');

const RULES = {
  YOUTH_TOO_OLD: [
    'Youth is 23 or older',
    'The verwijsindex is for young people who have not yet turned 23 (Jw 7.1.1.1).',
    'youth.birthDate',
  ],
  YOUTH_NOT_IN_BRP: [
    'Not in the BRP',
    'The BRP knows no person with this BSN: check the number (Jw 7.1.4.2). Nothing was stored.',
    'youth.bsn',
  ],
  YOUTH_DECEASED: [
    'Deceased according to the BRP',
    'The BRP registers this person as deceased; the verwijsindex keeps nothing of them (Jw 7.1.4.5(2)(c)). Nothing was stored.',
    'youth.bsn',
  ],
  BIRTH_DATE_MISMATCH: [
    'Birth date differs from the BRP',
    'The birth date does not agree with the BRP for this BSN: check both. Nothing was stored.',
    'youth.birthDate',
  ],
  BSN_NOT_ALLOWED: [
    'Not with a BSN',
    'Your organisation may not use the BSN (Jw 7.1.4.2(3)): give surname and birth date (and postcode and house number where needed); the index finds the youth in the BRP.',
    'youth.bsn',
  ],
  YOUTH_NOT_FOUND: [
    'Not found in the BRP',
    'The BRP has no living person with this surname and birth date (at this address): check them. Nothing was stored.',
    'youth.surname',
  ],
  YOUTH_NOT_UNIQUE: [
    'More than one person fits',
    'More than one person in the BRP has this surname and birth date: add postcode and houseNumber. Nothing was stored.',
    'youth.postcode',
  ],
  PLANNED_REMOVAL_NOT_IN_FUTURE: [
    'Planned removal date not in the future',
    'plannedRemovalDate must be after today.',
    'plannedRemovalDate',
  ],
  PLANNED_REMOVAL_TOO_LATE: [
    'Planned removal date too late',
    'A registration is removed at most two years after it was made (Jw 7.1.4.5(2)(a)).',
    'plannedRemovalDate',
  ],
  PLANNED_REMOVAL_AFTER_AGE_LIMIT: [
    'Planned removal date after the 23rd birthday',
    "A registration is removed on the youth's 23rd birthday at the latest (Jw 7.1.4.5(2)(b)).",
    'plannedRemovalDate',
  ],
  PROFESSIONAL_UNKNOWN: [
    'Unknown professional',
    'professionalId is not a professional of your organisation.',
    'professionalId',
  ],
  PROFESSIONAL_INACTIVE: [
    'Professional no longer designated',
    'This professional has been deactivated by the administrator.',
    'professionalId',
  ],
  NOT_A_DESIGNATED_PROFESSIONAL: [
    'Not a meldingsbevoegde',
    'Only people designated with role `professional` may register (Jw 7.1.1.2); coordinators and follow-up officers may not.',
    'professionalId',
  ],
  ORGANISATION_WITHOUT_COORDINATOR: [
    'No contact person',
    'Your organisation has no active coordinator (contactpersoon verwijsindex); ask the administrator to designate one first.',
    undefined,
  ],
  NOT_YOURSELF: [
    'Only as yourself',
    'A person logged in to the portal registers and withdraws only as themselves: professionalId must be your own.',
    'professionalId',
  ],
  NOT_OWN_REGISTRATION: [
    'Not your registration',
    'A professional can withdraw only a registration they made (Jw 7.1.4.5(1)).',
    'professionalId',
  ],
} as const;

export type RegistrationRule = keyof typeof RULES;

export function ruleViolation(rule: RegistrationRule): RuleViolationError {
  const [title, detail, field] = RULES[rule];
  return new RuleViolationError(rule, title, detail, field);
}

export const registrationNotActive = () =>
  new ConflictError(
    'REGISTRATION_NOT_ACTIVE',
    'Registration has ended',
    'This registration was already withdrawn or removed.',
  );

export const invalidYouth = (field: string, reason: string) => new ValidationFailedError([{ field, reason }]);

/** The BRP did not answer a search by name: without a BSN nothing identifies the youth, so nothing can wait. */
export const brpUnavailableForSearch = () =>
  new AppError(
    'BRP_UNAVAILABLE',
    503,
    'The BRP does not answer',
    'The youth could not be looked up in the BRP now; nothing was stored. Try again after Retry-After.',
  );
