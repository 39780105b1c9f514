import type { Actor } from '@vir/common';

/** Makes a one-time link (printed by the CLI) with which a person sets a password and a second factor. */
export class InvitePersonCommand {
  constructor(
    readonly personId: string,
    readonly actor: Actor,
  ) {}
}

export interface Invitation {
  personId: string;
  link: string;
  expiresAt: Date;
}
