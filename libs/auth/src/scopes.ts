/**
 * What a credential may do:
 * - admin: the gemeente administrator (connects organisations, issues credentials, answers subject requests)
 * - registrations: an organisation's case system registering for its designated professionals
 * - signals: reading and acknowledging the organisation's signals (coordinator and professionals)
 * - follow-up: the gemeente's follow-up officer (regievoerder), only for checking that contact was made
 * - contact-details: the coordinator keeping the contact details of the organisation's professionals current
 * - audit: the college's privacy officer reading the whole audit log (with admin alone, only administrative events)
 * - operator: whoever runs the regional deployment connecting a college; only the installation's own
 *   key (VIR_BOOTSTRAP_ADMIN_KEY) carries it, no credential can be issued with it
 */
export const SCOPES = [
  'admin',
  'registrations',
  'signals',
  'follow-up',
  'contact-details',
  'audit',
  'operator',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes an administrator can put on a credential they issue. */
export const ISSUABLE_SCOPES: readonly Scope[] = SCOPES.filter((scope) => scope !== 'operator');

/** Scopes that only a municipality organisation's credential may carry. */
export const MUNICIPALITY_ONLY_SCOPES: readonly Scope[] = ['admin', 'follow-up', 'audit'];
