/** What the invitation page shows: whose account it opens and the TOTP secret to enrol. */
export class GetInvitationQuery {
  constructor(readonly token: string) {}
}

export interface InvitationView {
  name: string;
  email: string;
  organisationName: string;
  totpSecret: string;
  totpUri: string;
}
