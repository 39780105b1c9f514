export type { AuditEventInput } from './audit-log';
export { AuditLog } from './audit-log';
export { AuditModule } from './audit.module';
