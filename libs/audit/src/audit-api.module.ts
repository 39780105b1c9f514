import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditEventsController } from './controllers/audit-events.controller';
import { ListAuditEventsHandler } from './queries/list-audit-events/list-audit-events.handler';

/** Reading the audit log, for the api and the portal. */
@Module({ imports: [CqrsModule], providers: [ListAuditEventsHandler] })
export class AuditHandlersModule {}

/** The audit log's read API, for the api process. */
@Module({ imports: [AuditHandlersModule], controllers: [AuditEventsController] })
export class AuditApiModule {}
