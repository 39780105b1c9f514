import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditEventsController } from './controllers/audit-events.controller';
import { ListAuditEventsHandler } from './queries/list-audit-events/list-audit-events.handler';

/** The audit log's read API, for the api process. */
@Module({ imports: [CqrsModule], controllers: [AuditEventsController], providers: [ListAuditEventsHandler] })
export class AuditApiModule {}
