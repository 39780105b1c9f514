import type { Actor } from '@vir/common';
import type { PersonView } from './people';

/** A person acting for themselves, as the audit log names them. */
export function personActor(person: PersonView, correlationId: string): Actor {
  return {
    organisationId: person.organisationId,
    professionalId: person.personId,
    municipalityCode: person.municipalityCode,
    correlationId,
  };
}
