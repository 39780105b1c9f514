import type { EntityManager } from 'typeorm';

/**
 * What another context holds of a designated person that must go to a successor when they leave
 * (active registrations, places in open matches, names in signals). Each owner publishes one; the
 * application wires them in (the api module), so this lib names no table it does not own.
 */
export interface ProfessionalHandover {
  /** What is handed over, as the answer and the audit event name it (e.g. `registrations`). */
  what: string;
  /** How many the leaver holds that stop someone from leaving without a successor (0 if none ever does). */
  held: (manager: EntityManager, professionalId: string) => Promise<number>;
  /** Moves them to the successor; answers how many moved. */
  move: (manager: EntityManager, from: string, to: string) => Promise<number>;
}

export const PROFESSIONAL_HANDOVERS = Symbol('PROFESSIONAL_HANDOVERS');
