import type { Actor } from '@vir/common';
import type { Scope } from './scopes';

/** The roles a person holds in their organisation (see the organisations lib's PROFESSIONAL_ROLES). */
export type PersonRole = 'professional' | 'coordinator' | 'follow_up_officer' | 'administrator' | 'privacy_officer';

/**
 * The authenticated caller of one request: a credential of one organisation (a case system), or a
 * person logged in to the portal, who acts only as themselves.
 */
export interface Principal {
  /** The credential, or null for a person's portal session. */
  credentialId: string | null;
  /** Set for a person: who, and in which role. */
  person?: { id: string; role: PersonRole };
  organisationId: string;
  organisationKind: string;
  municipalityCode: string;
  scopes: Scope[];
  correlationId: string;
}

/** What each role of a person may do, in the scopes a credential would need for it. */
export const ROLE_SCOPES: Record<PersonRole, Scope[]> = {
  professional: ['registrations', 'signals'],
  coordinator: ['signals', 'contact-details'],
  follow_up_officer: ['follow-up'],
  administrator: ['admin'],
  privacy_officer: ['audit'],
};

/** The principal of a person logged in to the portal, for the same command and query handlers the API uses. */
export function personPrincipal(
  person: {
    personId: string;
    role: string;
    organisationId: string;
    organisationKind: string;
    municipalityCode: string;
  },
  correlationId: string,
): Principal {
  const role = person.role as PersonRole;
  return {
    credentialId: null,
    person: { id: person.personId, role },
    organisationId: person.organisationId,
    organisationKind: person.organisationKind,
    municipalityCode: person.municipalityCode,
    scopes: [...(ROLE_SCOPES[role] ?? [])],
    correlationId,
  };
}

/**
 * The professional a principal is confined to: a person with the role `professional` sees and does
 * only their own (registrations, signals, matches); a credential or another role is not confined.
 */
export function ownProfessional(principal: Principal): string | undefined {
  return principal.person?.role === 'professional' ? principal.person.id : undefined;
}

export function actorOf(principal: Principal, professionalId?: string): Actor {
  return {
    credentialId: principal.credentialId ?? undefined,
    organisationId: principal.organisationId,
    professionalId: professionalId ?? principal.person?.id,
    correlationId: principal.correlationId,
    municipalityCode: principal.municipalityCode,
  };
}

/**
 * Looks up the principal for a bearer secret. Implemented by the administration context,
 * which owns credentials; undefined for an unknown, revoked or disconnected credential.
 */
export abstract class PrincipalResolver {
  abstract resolve(secret: string, correlationId: string): Promise<Principal | undefined>;
}
