/** Who does something, as recorded in the audit log and carried through commands and jobs. */
export interface Actor {
  credentialId?: string;
  organisationId?: string;
  professionalId?: string;
  correlationId?: string;
}

/** The actor for work the system does by itself (scheduled jobs, start-up, the operator's CLI). */
export function systemActor(correlationId?: string): Actor {
  return { correlationId };
}
