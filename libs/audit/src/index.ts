/** The append-only audit log of who did what, its keyed hash chain with anchors outside the database, and its read API. */
export type { AuditEventInput } from './audit-log';
export { AuditLog } from './audit-log';
export { AuditChain, AuditKeyMissingError } from './audit-chain';
export { AuditModule } from './audit.module';
export { AuditSealer } from './jobs/audit-sealer';
export { AuditApiModule, AuditHandlersModule } from './audit-api.module';
export { AuditEventsParams, ListAuditEventsQuery } from './queries/list-audit-events/list-audit-events.query';
export type { AuditEventPage, AuditEventView } from './queries/list-audit-events/list-audit-events.query';
export type { VerifyResult } from './audit-chain';
