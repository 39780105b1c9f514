export type { AuditEventInput } from './audit-log';
export { AuditLog } from './audit-log';
export type { VerifyResult } from './audit-chain';
export { AuditChain, eventHash } from './audit-chain';
export { AuditModule } from './audit.module';
export { AuditSealer } from './audit-sealer';
export { AuditApiModule } from './audit-events.api';
