/** A login started at an organisation's identity provider must come back within this time. */
export const SSO_LOGIN_MINUTES = 10;
