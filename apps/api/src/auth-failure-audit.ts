import { Injectable, Module } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { AuthFailureSink } from '@vir/auth';
import { DataSource } from 'typeorm';

/** A client address throttled after failed authentications is traced once per minute (operator-level: no college). */
@Injectable()
export class AuthFailureAudit extends AuthFailureSink {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  async throttled(source: string, failures: number, correlationId: string): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      action: 'authentication.throttled',
      objectType: 'client-address',
      actor: { correlationId },
      municipalityCode: null,
      details: { source, failures },
    });
  }
}

@Module({ providers: [{ provide: AuthFailureSink, useClass: AuthFailureAudit }], exports: [AuthFailureSink] })
export class AuthFailureAuditModule {}
