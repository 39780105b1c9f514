import type { Actor } from '@vir/common';
import type { Scope } from './scopes';

/** The authenticated caller of one request: a credential of one organisation. */
export interface Principal {
  credentialId: string;
  organisationId: string;
  organisationKind: string;
  municipalityCode: string;
  scopes: Scope[];
  correlationId: string;
}

export function actorOf(principal: Principal, professionalId?: string): Actor {
  return {
    credentialId: principal.credentialId,
    organisationId: principal.organisationId,
    professionalId,
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
