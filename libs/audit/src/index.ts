/** The append-only audit log of who did what, its keyed hash chain with anchors outside the database, and its read API. */
export type { AuditEventInput, RowwiseAudit } from './audit-log';
export { AuditLog } from './audit-log';
export type { AuditAction } from './audit-actions';
export { AUDIT_ACTIONS } from './audit-actions';
export type { AnchorProblem, VerifyResult } from './audit-chain';
export { AuditChain, AuditKeyMissingError } from './audit-chain';
export { AuditModule } from './audit.module';
export { AuditSealer } from './jobs/audit-sealer';
export { AuditApiModule } from './audit-api.module';
