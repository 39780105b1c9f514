import { AppError, ConflictError, NotFoundError, RuleViolationError } from '@vir/common';

export const organisationNotFound = () => new NotFoundError('ORGANISATION_NOT_FOUND', 'Organisation');
export const professionalNotFound = () => new NotFoundError('PROFESSIONAL_NOT_FOUND', 'Professional');
export const credentialNotFound = () => new NotFoundError('CREDENTIAL_NOT_FOUND', 'Credential');

export const organisationDisconnected = () =>
  new ConflictError(
    'ORGANISATION_DISCONNECTED',
    'Organisation is disconnected',
    'This organisation is no longer connected to the index.',
  );

export const organisationExists = () =>
  new ConflictError(
    'ORGANISATION_EXISTS',
    'Organisation already connected',
    'An organisation with this name already has an agreement with this college.',
    'name',
  );

export const municipalityMismatch = () =>
  new RuleViolationError(
    'MUNICIPALITY_MISMATCH',
    'Agreement with another college',
    "You can connect only organisations whose written agreement is with your own college; that college's administrator connects the others.",
    'municipalityCode',
  );

export const followUpOfficerOutsideMunicipality = () =>
  new RuleViolationError(
    'FOLLOW_UP_OFFICER_OUTSIDE_MUNICIPALITY',
    'Follow-up officer outside the gemeente',
    'A follow-up officer (regievoerder) is charged by the college, so only a municipality organisation can have one (Jw 7.1.3.2).',
    'role',
  );

export const collegeRoleOutsideMunicipality = (role: string) =>
  new RuleViolationError(
    'COLLEGE_ROLE_OUTSIDE_MUNICIPALITY',
    'Role of the college outside the gemeente',
    `The role ${role} is held by the college's own staff, so only a municipality organisation can designate it.`,
    'role',
  );

export const adminScopeCombined = (scopes: string[]) =>
  new RuleViolationError(
    'ADMIN_SCOPE_COMBINED',
    'Administration combined with casework',
    `A credential with the scope admin cannot also carry ${scopes.join(', ')}: the administrator connects organisations and sees no registrations, signals or follow-up. Issue two credentials.`,
    'scopes',
  );

export const auditScopeCombined = (scopes: string[]) =>
  new RuleViolationError(
    'AUDIT_SCOPE_COMBINED',
    'Audit log combined with casework',
    `A credential with the scope audit cannot also carry ${scopes.join(', ')}: the privacy officer who reads the whole log takes no part in casework. Issue two credentials.`,
    'scopes',
  );

export const scopeNotForKind = (scopes: string[]) =>
  new RuleViolationError(
    'SCOPE_NOT_ALLOWED_FOR_KIND',
    'Scope not allowed for this organisation',
    `Only a municipality organisation can hold these scopes: ${scopes.join(', ')}.`,
    'scopes',
  );

export const cannotDisconnectOwnOrganisation = () =>
  new RuleViolationError(
    'CANNOT_DISCONNECT_OWN_ORGANISATION',
    'Cannot disconnect your own organisation',
    'Disconnecting the gemeente you administer from would lock out its administrators.',
  );

export class ForbiddenForOrganisationError extends AppError {
  constructor(detail: string) {
    super('FORBIDDEN_FOR_CREDENTIAL', 403, 'Forbidden', detail);
  }
}

export const standInNotFound = () => new NotFoundError('STAND_IN_NOT_FOUND', 'Stand-in');

export const professionalInactive = () =>
  new ConflictError(
    'PROFESSIONAL_INACTIVE',
    'Designation has ended',
    'This person is no longer designated; their signals and matches went to their successor.',
  );

export const standInInvalid = () =>
  new RuleViolationError(
    'STAND_IN_INVALID',
    'Stand-in not possible',
    'The stand-in must be another active person of the same organisation with the same role.',
    'standInId',
  );

export const standInPeriodInvalid = (detail: string, field: 'from' | 'until') =>
  new RuleViolationError('STAND_IN_PERIOD_INVALID', 'Period not possible', detail, field);

export const collegeExists = () =>
  new ConflictError(
    'COLLEGE_EXISTS',
    'College already connected',
    'This deployment serves this college already; its administrators invite further people.',
    'municipalityCode',
  );

/** An agreement's term ends after the day it was signed. */
export function assertAgreementTerm(signedOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (signedOn && endsOn && endsOn <= signedOn)
    throw new RuleViolationError(
      'AGREEMENT_TERM_INVALID',
      'Agreement ends before it starts',
      'The last day of the agreement must come after the day it was signed.',
      'agreementEndsOn',
    );
}
