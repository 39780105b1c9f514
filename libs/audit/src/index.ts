/** The append-only audit log of who did what, its keyed hash chain with anchors outside the database, and its read API. */
export type { AuditEventInput } from './audit-log';
export { AuditLog } from './audit-log';
export { AuditChain, AuditKeyMissingError } from './audit-chain';
export { AuditModule } from './audit.module';
export { AuditSealer } from './jobs/audit-sealer';
export { AuditApiModule } from './audit-api.module';
