/** Who does something, as recorded in the audit log and carried through commands and jobs. */
export interface Actor {
  credentialId?: string;
  organisationId?: string;
  professionalId?: string;
  correlationId?: string;
  /** The college on whose behalf the actor acts; its staff see the actor's audit events. */
  municipalityCode?: string;
}

/** The actor for work the system does by itself (scheduled jobs, start-up, the operator's CLI). */
export function systemActor(correlationId?: string, municipalityCode?: string): Actor {
  return { correlationId, municipalityCode };
}
