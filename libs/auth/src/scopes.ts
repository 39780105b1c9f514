/**
 * What a credential may do:
 * - admin: the gemeente administrator (connects organisations, issues credentials, answers subject requests)
 * - registrations: an organisation's case system registering for its designated professionals
 * - signals: reading and acknowledging the organisation's signals (coordinator and professionals)
 * - follow-up: the gemeente's follow-up officer (regievoerder), only for checking that contact was made
 * - contact-details: the coordinator keeping the contact details of the organisation's professionals current
 */
export const SCOPES = ['admin', 'registrations', 'signals', 'follow-up', 'contact-details'] as const;
export type Scope = (typeof SCOPES)[number];

/** Scopes that only a municipality organisation's credential may carry. */
export const MUNICIPALITY_ONLY_SCOPES: readonly Scope[] = ['admin', 'follow-up'];
