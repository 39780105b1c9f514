import type { Principal } from '@vir/auth';

/** The designation ends; what the leaver holds goes to `successorId` (a professional of the same organisation). */
export class DeactivateProfessionalCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly professionalId: string,
    readonly successorId?: string,
  ) {}
}
