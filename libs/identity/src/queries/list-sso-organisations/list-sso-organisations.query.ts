/** The organisations whose people log in through their own identity provider (the login page's buttons). */
export class ListSsoOrganisationsQuery {}

export interface SsoOrganisation {
  organisationId: string;
  name: string;
}
