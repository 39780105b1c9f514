import { Global, Module } from '@nestjs/common';
import { AuditChain } from './audit-chain';
import { AuditLog } from './audit-log';

@Global()
@Module({ providers: [AuditLog, AuditChain], exports: [AuditLog, AuditChain] })
export class AuditModule {}
